// Screenshots of every main screen for docs/screenshots/, taken from a fresh demo server:
//   node web/tests/screens.mjs [OUT_DIR]
// Not a test; `make test` keeps its own screenshots under build/browser-test/.
import path from 'node:path'
import { mkdirSync, rmSync } from 'node:fs'
import { startServer, startBrowser, newPage, signIn, freshDir, repo } from './harness.mjs'

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
    const headers = { 'Content-Type': 'application/json', 'X-CSRF-Token': localStorage.getItem('shegong.csrf') }
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

  await centre.goto('/workbench')
  await centre.getByRole('button', { name: '切换语言' }).click()
  await centre.locator('[data-test=orders] .el-table__row').first().waitFor()
  await save(centre, 'workbench-en')
} finally {
  await chrome.stop()
  await server.stop()
  rmSync(dir, { recursive: true, force: true })
}
