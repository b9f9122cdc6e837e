// Screenshots of every main screen for docs/screenshots/ (hotline, 信访, 人民建议, 矛盾纠纷 and 减负), taken from a fresh
// demo server on the wall clock:
//   node web/tests/screens.mjs [OUT_DIR]
// Not a test; `make test` keeps its own screenshots under build/browser-test/.
import path from 'node:path'
import { mkdirSync, rmSync } from 'node:fs'
import { startServer, startBrowser, newPage, signIn, freshDir, repo, pickPlace } from './harness.mjs'

const out = path.resolve(process.argv[2] ?? path.join(repo, 'docs', 'screenshots'))
mkdirSync(out, { recursive: true })
const desktop = { width: 1280, height: 800 }
const phone = { width: 375, height: 812 }

async function save(page, name, fullPage = false) {
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.waitForTimeout(500)
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage })
  console.log(`${name}.png`)
}

const dir = freshDir('screens')
const server = await startServer(dir)
const chrome = await startBrowser()
try {
  const b = chrome.browser
  const anon = await newPage(b, server.url, desktop)
  await anon.goto('/login')
  await save(anon, 'login')

  const centre = await newPage(b, server.url, desktop)
  await signIn(centre, 'dispatcher')
  await centre.locator('[data-test=orders] .el-table__row').first().waitFor()
  await save(centre, 'workbench')
  await centre.goto('/workbench?state=accepted')
  await centre.locator('[data-test=orders] .el-table__row a').first().click()
  await centre.locator('[data-test=timeline]').waitFor()
  await centre.locator('[data-test=reveal]').click()
  await centre.locator('text=已查看').waitFor()
  await save(centre, 'order-detail')
  await centre.goto('/workbench?state=registered')
  await centre.locator('[data-test=orders] .el-table__row').first().waitFor()
  // A registered order that can be dispatched: the first with the dispatch action.
  for (const link of await centre.locator('[data-test=orders] .el-table__row a').all()) {
    await link.click()
    await centre.locator('[data-test=timeline]').waitFor()
    if (await centre.locator('[data-test=act-dispatch]').count()) break
    await centre.goBack()
  }
  await centre.locator('[data-test=act-dispatch]').click()
  await centre.locator('[data-test=rule-suggestions] li').first().waitFor()
  await centre.locator('[data-test=suggested-units] button').first().click()
  await save(centre, 'dispatch-dialog')

  // An order of 东华门街道 given to its street office, for the street's reply form.
  const id = await centre.evaluate(async () => {
    const session = await fetch('/api/v1/session').then((r) => r.json())
    const headers = { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrf_token ?? localStorage.getItem('shegong.csrf') }
    const post = (url, body) => fetch(url, { method: 'POST', headers, body: JSON.stringify(body) }).then((r) => r.json())
    const units = await fetch('/api/v1/units?kind=street').then((r) => r.json())
    const unit = units.items.find((u) => u.region_code === '110101001000')
    const o = await post('/api/v1/orders', {
      channel: 'phone', type: '投诉', subject: '南池子大街夜间施工噪音扰民',
      content: '南池子大街一处工地每天晚上十点以后还在施工，噪音很大，影响休息。',
      region_code: '110101001000', address: '南池子大街 12 号', contact: { name: '李女士', phone: '13912345678' },
    })
    await post(`/api/v1/orders/${o.id}/dispatch`, { unit_id: unit.id, category: '环境保护/噪声污染/施工噪声' })
    return o.id
  })
  const street = await newPage(b, server.url, desktop)
  await signIn(street, 'donghuamen')
  await street.goto(`/orders/${id}`)
  await street.locator('[data-test=act-accept]').click()
  await street.locator('[data-test=act-reply]').click()
  await street.locator('[data-test=form-reply] textarea').fill('经现场核查，该工地夜间施工未办理夜间施工许可，已责令停止夜间施工，联系人：街道城管科。')
  await save(street, 'reply-form')

  const leader = await newPage(b, server.url, { width: 1280, height: 1000 })
  await signIn(leader, 'dongcheng')
  await leader.locator('[data-test=ranking] [data-unit]').first().waitFor()
  await leader.waitForTimeout(2500)
  await save(leader, 'dashboard', true)

  const admin = await newPage(b, server.url, desktop)
  await signIn(admin, 'admin')
  for (const [route, name] of [['/admin/units', 'admin-units'], ['/admin/rules', 'admin-rules'], ['/admin/sla', 'admin-sla'], ['/admin/users', 'admin-users']]) {
    await admin.goto(route)
    await admin.locator('.el-table__row').first().waitFor()
    await save(admin, name)
  }

  const citizen = await newPage(b, server.url, phone)
  await citizen.goto('/portal')
  const form = citizen.locator('[data-test=portal-form]')
  await form.getByLabel('标题').fill('小区门口路灯不亮')
  await form.getByLabel('具体内容').fill('东华门街道南池子大街北口的路灯连续三天晚上不亮，请尽快维修。')
  await form.getByLabel('详细地址').fill('南池子大街北口')
  await form.getByLabel('您的称呼').fill('王先生')
  await form.getByLabel('手机号码').fill('13800138000')
  await save(citizen, 'portal-submit', true)
  // A closed demo order, followed by its number.
  const closed = await centre.evaluate(() => fetch('/api/v1/orders?state=closed&page_size=1').then((r) => r.json()))
  await citizen.goto(`/portal/track/${closed.items[0].tracking_no}`)
  await citizen.locator('[data-test=tracked]').waitFor()
  await save(citizen, 'portal-track', true)

  // 信访: the petition office's list and registration form.
  const office = await newPage(b, server.url, desktop)
  await signIn(office, 'xinfang')
  await office.locator('[data-test=petitions] .el-table__row').first().waitFor()
  await save(office, 'petitions')
  await office.goto('/petitions/new')
  const pform = office.locator('[data-test=petition-form]')
  await pform.getByText('来访', { exact: true }).click()
  await pform.getByLabel('标题').fill('老旧小区加装电梯补贴迟迟未发放')
  await pform.getByLabel('书面记录摘要').fill('来访人口述：小区去年完成加装电梯，补贴至今未到位，多次到区住建委询问没有结果。')
  await pform.getByLabel('请求、事实和理由').fill('请求依法发放加装电梯补贴，并说明拖延原因。')
  await pform.locator('[data-test=petition-region] input').click()
  await office.locator('.el-cascader-node', { hasText: /^东华门街道$/ }).click()
  await office.locator('.el-cascader-node', { hasText: /^多福巷社区居委会$/ }).click()
  await office.keyboard.press('Escape')
  await pform.getByLabel('姓名', { exact: true }).fill('刘德明')
  await pform.getByLabel('联系电话').fill('13811112222')
  await pform.getByLabel('通信地址').fill('东城区东华门街道某小区 6 号楼')
  await pform.getByLabel('来访人数').fill('3')
  await pform.getByLabel('代表（每行一人）').fill('刘德明\n王秀英')
  await pform.locator('[data-test=competent-unit]').click()
  await office.locator('.el-select-dropdown__item:visible', { hasText: '东城区住房和城乡建设委员会' }).first().click()
  await save(office, 'petition-register', true)

  // An answered petition as the department holding it sees it, the petitioner revealed.
  const admin2 = await newPage(b, server.url, desktop)
  await signIn(admin2, 'admin')
  const picked = await admin2.evaluate(async () => {
    const session = await fetch('/api/v1/session').then((r) => r.json())
    const headers = { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrf_token }
    const list = async (state) => (await fetch(`/api/v1/petitions?state=${state}&page_size=100`).then((r) => r.json())).items
    const answered = (await list('answered')).find((p) => p.details.opinion && p.region_code.startsWith('110101'))
    const accepted = (await list('accepted')).find((p) => p.details.track === 'opinion')
    const user = async (name, unit, region) => {
      await fetch('/api/v1/users', { method: 'POST', headers, body: JSON.stringify({ username: name, display_name: '信访承办人', password: 'screens-demo-2026', role: 'department_staff', region_code: region, unit_id: unit }) })
    }
    if (answered) await user('screens-answered', answered.lead_unit.id, '110101000000')
    if (accepted) await user('screens-accepted', accepted.lead_unit.id, accepted.region_code.slice(0, 6) + '000000')
    return { answered: answered && { id: answered.id, no: answered.tracking_no }, accepted: accepted && { id: accepted.id } }
  })
  if (picked.answered) {
    const dept = await newPage(b, server.url, { width: 1280, height: 1000 })
    await dept.goto('/login')
    await dept.getByLabel('用户名').fill('screens-answered')
    await dept.getByLabel('密码').fill('screens-demo-2026')
    await dept.getByRole('button', { name: '登录' }).click()
    await dept.waitForURL((u) => !u.pathname.startsWith('/login'))
    await dept.goto(`/petitions/${picked.answered.id}`)
    await dept.locator('[data-test=petition-timeline]').waitFor()
    await dept.locator('[data-test=reveal-petitioner]').click()
    await dept.locator('text=已显示完整信息').waitFor()
    await save(dept, 'petition-detail', true)
    const [notice] = await Promise.all([dept.context().waitForEvent('page'), dept.locator('[data-test=notice-html-opinion]').click()])
    await notice.setViewportSize({ width: 900, height: 1100 })
    await notice.waitForLoadState()
    await notice.screenshot({ path: path.join(out, 'petition-notice.png') })
    console.log('petition-notice.png')
    const track = await newPage(b, server.url, phone)
    await track.goto(`/portal/track/${picked.answered.no}`)
    await track.locator('[data-test=petition-tracked]').waitFor()
    await save(track, 'portal-petition', true)
  } else console.log('no answered petition in 东城区: petition-detail.png not taken')
  if (picked.accepted) {
    const dept = await newPage(b, server.url, desktop)
    await dept.goto('/login')
    await dept.getByLabel('用户名').fill('screens-accepted')
    await dept.getByLabel('密码').fill('screens-demo-2026')
    await dept.getByRole('button', { name: '登录' }).click()
    await dept.waitForURL((u) => !u.pathname.startsWith('/login'))
    await dept.goto(`/petitions/${picked.accepted.id}`)
    await dept.locator('[data-test=pact-issue_opinion]').click()
    const f = dept.locator('[data-test=pform-issue_opinion]')
    await f.getByLabel('事实和理由').fill('经调查核实，信访人反映的情况属实，已责成有关单位在 30 日内办结，并将结果告知信访人。')
    await f.getByRole('radio', { name: /^支持/ }).check({ force: true })
    await f.getByLabel('法律、政策依据').fill('《信访工作条例》第三十二条及有关法律、政策规定')
    await save(dept, 'petition-opinion-form')
  } else console.log('no accepted route-(6) petition: petition-opinion-form.png not taken')

  await office.goto('/petitions/indicators')
  await office.locator('[data-test=indicators] .el-table__row').first().waitFor().catch(() => undefined)
  await office.waitForTimeout(1000)
  await save(office, 'petition-indicators')

  // 人民建议: the office's list, a suggestion answered (its proposer revealed), the special
  // collections, the settings of 东城区 and the portal's 提建议 on a phone.
  const jianyi = await newPage(b, server.url, desktop)
  await signIn(jianyi, 'jianyi')
  await jianyi.locator('[data-test=suggestions] .el-table__row').first().waitFor()
  await save(jianyi, 'suggestions')
  const answered = await jianyi.evaluate(async () => {
    const items = (await fetch('/api/v1/suggestions?state=closed&type=routine&page_size=100').then((r) => r.json())).items
    return (items.find((s) => s.adoption?.status === 'partly_adopted' && s.studies.length) ?? items.find((s) => s.adoption))?.id
  })
  if (answered) {
    await jianyi.goto(`/suggestions/${answered}`)
    await jianyi.locator('[data-test=suggestion-timeline]').waitFor()
    await save(jianyi, 'suggestion-detail', true)
  } else console.log('no answered suggestion: suggestion-detail.png not taken')
  await jianyi.goto('/suggestions/collections')
  await jianyi.locator('[data-test=collections] .el-table__row').first().waitFor()
  await save(jianyi, 'suggestion-collections')
  await admin.goto('/admin/settings')
  await admin.locator('[data-test=settings] .el-table__row').first().waitFor()
  await pickPlace(admin, admin.locator('[data-test=settings-region] input'), ['北京市', '市辖区', '东城区'], { strict: true })
  await admin.locator('[data-test=settings-showing]', { hasText: '东城区' }).waitFor()
  await admin.locator('[data-test=setting-set-for]', { hasText: '东城区' }).first().waitFor()
  await save(admin, 'admin-settings', true)
  const proposer = await newPage(b, server.url, phone)
  await proposer.goto('/portal/suggest')
  await proposer.locator('[data-test=open-collection]').first().waitFor()
  await save(proposer, 'portal-suggestion', true)

  // 矛盾纠纷: the community mediator's list and an agreed people's mediation with its last day for
  // judicial confirmation.
  const duofu = await newPage(b, server.url, desktop)
  await signIn(duofu, 'duofu')
  await duofu.locator('[data-test=disputes] .el-table__row').first().waitFor()
  await duofu.locator('[data-test=dquick-all] .n', { hasText: /^\d+$/ }).waitFor()
  await save(duofu, 'disputes')
  const agreed = await duofu.evaluate(async () => {
    const items = (await fetch('/api/v1/disputes?state=agreed&track=people&page_size=100').then((r) => r.json())).items
    return (items.find((d) => d.details.agreement?.confirmation) ?? items[0])?.id
  })
  if (agreed) {
    await duofu.goto(`/disputes/${agreed}`)
    await duofu.locator('[data-test=dispute-timeline]').waitFor()
    await save(duofu, 'dispute-detail', true)
  } else console.log('no agreed dispute: dispute-detail.png not taken')

  // 减负: the district government's work tasks, and a certificate the community refuses.
  const gov = await newPage(b, server.url, desktop)
  await signIn(gov, 'quzhengfu')
  await gov.goto('/burden/tasks')
  await gov.locator('[data-test=tasks] .el-table__row').first().waitFor()
  await gov.locator('[data-test=tquick-all] .n', { hasText: /^\d+$/ }).waitFor()
  await save(gov, 'burden-tasks')
  await duofu.goto('/burden/certificates')
  await duofu.locator('[data-test=certificate-ledger] .el-table__row').first().waitFor()
  await duofu.locator('input[data-test=certificate-name], [data-test=certificate-name] input').first().fill('亲属关系证明')
  await duofu.getByLabel('用途').fill('办理继承公证')
  await duofu.locator('[data-test=certificate-submit]').click()
  await duofu.locator('[data-test=certificate-reason]').waitFor()
  await save(duofu, 'burden-certificates', true)

  await centre.goto('/workbench')
  await centre.getByRole('button', { name: '切换语言' }).click()
  await centre.locator('[data-test=orders] .el-table__row').first().waitFor()
  await save(centre, 'workbench-en')
} finally {
  await chrome.stop()
  await server.stop()
  rmSync(dir, { recursive: true, force: true })
}
