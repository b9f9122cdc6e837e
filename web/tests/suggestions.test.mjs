// Browser tests of the 人民建议征集 screens and the per-jurisdiction settings in Debian's Chromium
// against a real `shegong serve --demo` in simulated time:
//  1. the district's people's suggestion office (jianyi, who starts on the list) registers a routine
//     suggestion from the 人民建议 menu (an empty form says what is missing), accepts it, evaluates
//     it as partly adopted — the form asks what it becomes and the server's refusal without it
//     stands under that item — answers it by SMS in time, and reads the proposer in full only after
//     being told the reading is audited;
//  2. a citizen on a phone answers the open special collection in the portal and gets a JY number;
//     the office finds it under that collection, evaluates it as adopted and answers it online; the
//     citizen looks the number up and reads the adoption and the answer, and neither the page nor any
//     response to it carries the proposer's name or phone;
//  3. the admin sets suggestion.accept_days for 东城区 to 10 on the settings screen (0 is refused,
//     with the reason under the value), sees it set by 东城区, finds the national-only settings
//     closed to 东城区, and restores the national default;
//  4. the office publishes a special collection closing the next day; once it has closed (the
//     same database served again five days later) the office publishes its results, told before how
//     many evaluated suggestions wait and after how many it answered, which then read 集中公布, and
//     the portal shows the results.
// Screenshots of every step go to build/browser-test/s*.png.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { startServer, startBrowser, newPage, signIn, shot, freshDir, pickPlace } from './harness.mjs'

let server
let chrome
let dir

// Monday 15 June 2026, 10:00 China time: the acceptance period (15 days by default) ends on
// 30 June and the answer period (60 days) within the loaded holiday calendar.
const NOW = Date.parse('2026-06-15T02:00:00Z')
const OFFICE = '东城区人民建议征集办公室'
const OPEN_COLLECTION = '背街小巷环境精细化治理建议征集'

before(async () => {
  dir = freshDir('suggestions')
  ;[server, chrome] = await Promise.all([startServer(dir, { now: NOW }), startBrowser()])
})

after(async () => {
  await chrome?.stop()
  await server?.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/// A page of its own context, on the server's simulated clock.
const open = (viewport) => newPage(chrome.browser, server.url, viewport, { offsetMs: server.offsetMs })

const stateOf = async (page) => (await page.locator('[data-test=suggestion-state]').innerText()).trim()

/// Opens the action's dialog on a suggestion's page.
async function startAction(page, action) {
  await page.locator(`[data-test=sact-${action}]`).click()
  const form = page.locator(`[data-test=sform-${action}]`)
  await form.waitFor()
  return form
}
const submitAction = (page) => page.locator('[data-test=saction-submit]').click()

/// Calls the API from a signed-in page, with its session and CSRF token, as the screens do.
async function call(page, method, url, body) {
  return page.evaluate(
    async ([method, url, body]) => {
      const session = await (await fetch('/api/v1/session')).json()
      const r = await fetch(url, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrf_token ?? '' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return { status: r.status, json: await r.json().catch(() => null) }
    },
    [method, url, body],
  )
}

test('the suggestion office registers a routine suggestion, evaluates it as partly adopted and answers it by SMS', async () => {
  const office = await open()
  await signIn(office, 'jianyi')
  // The office of the district's settings starts on the suggestions.
  await office.waitForURL('**/suggestions')
  await office.locator('[data-test=suggestions] .el-table__row').first().waitFor()
  await shot(office, 's01-office-suggestion-list')

  // The register form from the 人民建议 menu.
  await office.locator('[data-test=nav-suggestion-menu]').click()
  await office.locator('[data-test=nav-suggestions-new]').click()
  await office.waitForURL('**/suggestions/new')
  const form = office.locator('[data-test=suggestion-form]')

  // An empty form says what is missing, under each item.
  await form.locator('[data-test=suggestion-submit]').click()
  for (const message of ['请填写标题', '请填写主要理由', '请填写具体措施', '请选择所在地区', '请填写建议人姓名或单位名称']) {
    await form.locator('.el-form-item__error', { hasText: message }).waitFor()
  }
  await shot(office, 's02-register-validation')

  const subject = '建议在多福巷增设共享单车电子围栏'
  await form.getByRole('radio', { name: '来信' }).check({ force: true })
  await form.getByLabel('标题').fill(subject)
  await form.getByLabel('主要理由').fill('多福巷路口共享单车乱停乱放，占用盲道和消防通道，行人通行困难。')
  await form.getByLabel('具体措施').fill('在路口东侧设置电子围栏停放区，运营企业定时清运，街道纳入门前三包检查。')
  await pickPlace(office, form.locator('[data-test=suggestion-region] input'), ['东华门街道', '多福巷社区居委会'])
  await form.getByLabel('姓名或单位名称').fill('秦立华')
  // Neither a phone nor an e-mail nor an address: the form asks for one before sending.
  await form.locator('[data-test=suggestion-submit]').click()
  await form.locator('.el-form-item__error', { hasText: '联系电话、电子邮箱和通信地址至少填一项' }).waitFor()
  await form.getByLabel('联系电话').fill('13544445555')
  await shot(office, 's03-register-form')
  await form.locator('[data-test=suggestion-submit]').click()
  const registered = office.locator('[data-test=suggestion-registered]')
  const trackingNo = (await registered.locator('[data-test=suggestion-registered-no]').innerText()).trim()
  assert.match(trackingNo, /^JY\d+$/)
  await shot(office, 's04-registered')

  // Registered today: accepted, transferred or redirected within 15 days (the national default).
  await registered.locator('[data-test=suggestion-to-detail]').click()
  await office.locator('[data-test=suggestion-timeline]').waitFor()
  assert.equal(await stateOf(office), '已登记')
  assert.match(await office.locator('[data-test=suggestion-deadline]').innerText(), /受理期限[\s\S]*剩余[\s\S]*2026-06-30/)
  assert.equal((await office.locator('[data-test=proposer-phone]').innerText()).trim(), '135****5555')
  assert.deepEqual(
    await office.locator('[data-test=suggestion-actions] button').allInnerTexts(),
    ['受理', '转交', '转办'],
    'a registered suggestion is accepted, transferred or redirected',
  )

  await startAction(office, 'accept')
  await submitAction(office)
  await office.locator('[data-test=suggestion-state]', { hasText: '已受理' }).waitFor()
  assert.match(await office.locator('[data-test=suggestion-deadline]').innerText(), /反馈期限[\s\S]*剩余/)

  // Partly adopted: the form asks what it becomes; sent without, the server's refusal stands under it.
  const evaluate = await startAction(office, 'evaluate')
  assert.equal(await evaluate.locator('[data-test=conversion-item]').count(), 0, 'nothing to turn into before an adoption is chosen')
  await evaluate.getByText('部分采纳', { exact: true }).click()
  await evaluate.locator('[data-test=conversion-item]').waitFor()
  await evaluate.getByLabel('研究意见和理由').fill('路口东侧设置电子围栏可行，已协调运营企业实施；盲道清理纳入日常巡查。西侧为消防通道，不设停放区。')
  await submitAction(office)
  await evaluate.locator('[data-test=conversion-item] .el-form-item__error', { hasText: '采纳或部分采纳的建议，须选择转化方式' }).waitFor()
  await shot(office, 's05-evaluate-conversion-required')
  await evaluate.getByText('改进工作', { exact: true }).click()
  await submitAction(office)
  await office.locator('[data-test=suggestion-state]', { hasText: '已研究' }).waitFor()
  assert.equal((await office.locator('[data-test=adoption-status]').innerText()).trim(), '部分采纳')
  assert.equal((await office.locator('[data-test=adoption-conversion]').innerText()).trim(), '改进工作')
  await shot(office, 's06-evaluated')

  // Answered by SMS, in time.
  const feedback = await startAction(office, 'feedback')
  await feedback.getByText('短信', { exact: true }).click()
  await feedback.getByLabel('反馈内容').fill('感谢您的建议。多福巷路口东侧电子围栏已设置，西侧为消防通道，不设停放区。')
  await shot(office, 's07-feedback-form')
  await submitAction(office)
  await office.locator('[data-test=suggestion-state]', { hasText: '已办结' }).waitFor()
  assert.equal((await office.locator('[data-test=feedback-method]').innerText()).trim(), '短信')
  assert.equal((await office.locator('[data-test=feedback-in-time]').innerText()).trim(), '按期反馈')
  const timeline = await office.locator('[data-test=suggestion-timeline]').innerText()
  for (const step of ['登记', '受理', '研究评估', '反馈建议人']) assert.match(timeline, new RegExp(step))

  // The proposer in full, once told that the reading is audited.
  await office.locator('[data-test=reveal-proposer]').click()
  const reveal = office.locator('.el-dialog', { hasText: '查看建议人完整信息' })
  await reveal.getByText('记入审计日志').first().waitFor()
  assert.equal(await reveal.locator('[data-test=proposer-full]').count(), 0, 'nothing shown before the reading is confirmed')
  await reveal.locator('[data-test=reveal-confirm]').click()
  await reveal.locator('[data-test=proposer-full-phone]', { hasText: '13544445555' }).waitFor()
  assert.equal((await reveal.locator('[data-test=proposer-full-name]').innerText()).trim(), '秦立华')
  await shot(office, 's08-closed-proposer-revealed')
  await reveal.getByRole('button', { name: '关闭', exact: true }).click()

  // The list finds it by its number, adopted in part.
  await office.goto(`/suggestions?q=${trackingNo}`)
  await office.locator('[data-test=suggestion-total]', { hasText: '共 1 件' }).waitFor()
  assert.equal((await office.locator('[data-test=row-adoption]').innerText()).trim(), '部分采纳')
  await office.context().close()
})

test('a citizen answers the open special collection and reads the adoption and the answer by its number', async () => {
  // The collection's submissions before.
  const office = await open()
  await signIn(office, 'jianyi')
  await office.goto('/suggestions/collections')
  const row = office.locator('[data-test=collections] .el-table__row', { hasText: OPEN_COLLECTION })
  await row.waitFor()
  assert.equal((await row.locator('[data-test=collection-status]').innerText()).trim(), '征集中')
  const before = Number(await row.locator('[data-test=collection-submissions]').innerText())

  // The citizen, on a phone; every API response to this page is kept.
  const phone = await open({ width: 375, height: 812 })
  const responses = []
  phone.on('response', async (res) => {
    if (!new URL(res.url()).pathname.startsWith('/api/')) return
    responses.push({ url: res.url(), body: await res.text().catch(() => '') })
  })
  await phone.goto('/portal')
  await phone.getByRole('tab', { name: '提建议' }).click()
  await phone.waitForURL('**/portal/suggest')
  const card = phone.locator('[data-test=open-collection]', { hasText: OPEN_COLLECTION })
  await card.waitFor()
  await phone.locator('[data-test=published-results]').first().waitFor()
  await shot(phone, 's09-portal-suggest')
  await card.getByRole('button', { name: '参与征集' }).click()
  const form = phone.locator('[data-test=suggest-form]')
  await form.getByText(`参与专项征集：${OPEN_COLLECTION}`).waitFor()
  const subject = '建议背街小巷夜间照明改用感应路灯'
  await form.getByLabel('建议标题').fill(subject)
  await form.getByLabel('主要理由').fill('胡同里夜间照明不足，老人晚上出行容易摔倒，常亮路灯又费电。')
  await form.getByLabel('具体措施').fill('在背街小巷安装人体感应路灯，有人经过时自动点亮，并定期巡检。')
  await form.getByLabel('您的姓名').fill('欧阳晓琳')
  await form.getByLabel('手机号码').fill('13766667777')
  await shot(phone, 's10-portal-suggest-form')
  await form.locator('[data-test=suggest-submit]').click()
  const trackingNo = (await phone.locator('[data-test=suggest-tracking-no]').innerText()).trim()
  assert.match(trackingNo, /^JY\d+$/)
  await shot(phone, 's11-portal-suggest-submitted')

  // The office finds it under the collection, one submission more.
  await office.reload()
  await row.waitFor()
  assert.equal(Number(await row.locator('[data-test=collection-submissions]').innerText()), before + 1)
  await row.locator('[data-test=collection-suggestions]').click()
  await office.locator('[data-test=collection-filter]', { hasText: OPEN_COLLECTION }).waitFor()
  await office.getByRole('link', { name: `查看人民建议 ${trackingNo}` }).click()
  await office.locator('[data-test=suggestion-timeline]').waitFor()
  assert.match(await office.locator('[data-test=suggestion-collection]').innerText(), new RegExp(OPEN_COLLECTION))
  assert.equal(await office.locator('[data-test=late-badge]').count(), 0, 'in time for the collection')
  assert.equal((await office.locator('[data-test=suggestion-lead]').innerText()).trim(), OFFICE)

  await startAction(office, 'accept')
  await submitAction(office)
  await office.locator('[data-test=suggestion-state]', { hasText: '已受理' }).waitFor()
  const evaluate = await startAction(office, 'evaluate')
  await evaluate.getByText('采纳', { exact: true }).click()
  await evaluate.getByText('转化为政策措施', { exact: true }).click()
  await evaluate.getByLabel('研究意见和理由').fill('建议具有可行性，已纳入背街小巷环境整治年度计划，年内完成感应路灯改造。')
  await submitAction(office)
  await office.locator('[data-test=suggestion-state]', { hasText: '已研究' }).waitFor()
  const feedback = await startAction(office, 'feedback')
  await feedback.getByText('网上', { exact: true }).click()
  await feedback.getByLabel('反馈内容').fill('感谢您参与背街小巷环境治理建议征集，您的建议已被采纳，感应路灯改造年内完成。')
  await submitAction(office)
  await office.locator('[data-test=suggestion-state]', { hasText: '已办结' }).waitFor()
  await shot(office, 's12-collection-suggestion-answered')
  await office.context().close()

  // The citizen looks the number up.
  await phone.goto('/portal')
  await phone.getByRole('tab', { name: '查询进度' }).click()
  await phone.locator('input[data-test=track-input]').fill(trackingNo)
  await phone.getByRole('button', { name: '查询' }).click()
  const tracked = phone.locator('[data-test=suggestion-tracked]')
  await tracked.waitFor()
  assert.equal((await phone.locator('[data-test=suggestion-tracked-state]').innerText()).trim(), '已办结')
  assert.equal((await phone.locator('[data-test=suggestion-tracked-unit]').innerText()).trim(), OFFICE)
  assert.equal((await phone.locator('[data-test=suggestion-tracked-adoption]').innerText()).trim(), '采纳')
  assert.match(await phone.locator('[data-test=suggestion-tracked-reasons]').innerText(), /已纳入背街小巷环境整治年度计划/)
  assert.equal((await phone.locator('[data-test=suggestion-tracked-method]').innerText()).trim(), '网上')
  assert.match(await phone.locator('[data-test=suggestion-tracked-answer]').innerText(), /您的建议已被采纳/)
  await shot(phone, 's13-portal-suggestion-tracked')

  // No proposer anywhere on the public page: not on screen, not in any response it received.
  await phone.waitForLoadState('networkidle')
  const text = await phone.locator('body').innerText()
  for (const needle of ['欧阳', '13766667777', '7777']) assert.ok(!text.includes(needle), `the page shows ${needle}`)
  const leaks = responses.filter((r) => ['欧阳', '13766667777'].some((n) => r.body.includes(n))).map((r) => r.url)
  assert.deepEqual(leaks, [], 'no response to the public page carries the proposer')
  assert.ok(responses.some((r) => r.url.includes(`/api/v1/public/suggestions/${trackingNo}`)), 'the number was looked up')
  await phone.context().close()
})

test('the admin sets the acceptance days of 东城区 on the settings screen and restores the national default', async () => {
  const admin = await open()
  await signIn(admin, 'admin')
  await admin.locator('[data-test=nav-admin-menu]').click()
  await admin.locator('[data-test=nav-admin-settings]').click()
  await admin.waitForURL('**/admin/settings')
  await admin.locator('[data-test=settings-showing]', { hasText: '全国适用的设置' }).waitFor()

  await pickPlace(admin, admin.locator('[data-test=settings-region] input'), ['北京市', '市辖区', '东城区'], { strict: true })
  await admin.locator('[data-test=settings-showing]', { hasText: '东城区适用的设置' }).waitFor()
  const row = (key) => admin.locator('[data-test=settings] .el-table__row', { has: admin.locator(`[data-key="${key}"]`) })
  const accept = row('suggestion.accept_days')
  await accept.locator('[data-test=setting-set-for]', { hasText: '全国默认' }).waitFor()
  assert.equal((await accept.locator('[data-test=setting-value]').innerText()).trim(), '15')
  // The office the district names, by its name and set by 东城区.
  assert.match(await row('suggestion.office_unit').locator('[data-test=setting-value]').innerText(), new RegExp(OFFICE))
  assert.equal((await row('suggestion.office_unit').locator('[data-test=setting-set-for]').innerText()).trim(), '东城区')
  // The 三率 weights are set for the whole country only.
  const weight = row('rates.weight.response')
  assert.equal(await weight.locator('[data-test=setting-edit]').count(), 0)
  assert.match(await weight.innerText(), /只能在选择“全国”时修改/)
  await shot(admin, 's14-settings-dongcheng')

  // 0 days is refused, with the server's reason under the value.
  await accept.locator('[data-test=setting-edit]').click()
  const form = admin.locator('[data-test=setting-form]')
  await form.getByLabel('值').fill('0')
  await admin.locator('[data-test=setting-save]').click()
  await form.locator('.el-form-item__error', { hasText: '应为 1 至 365 之间的整数' }).waitFor()
  await shot(admin, 's15-setting-value-refused')
  await form.getByLabel('值').fill('10')
  await admin.locator('[data-test=setting-save]').click()
  await accept.locator('[data-test=setting-set-for]', { hasText: '东城区' }).waitFor()
  assert.equal((await accept.locator('[data-test=setting-value]').innerText()).trim(), '10')
  await shot(admin, 's16-setting-set-for-dongcheng')

  // What the settings screen shows holds for the server too.
  const held = await admin.evaluate(async () => (await (await fetch('/api/v1/settings?region=110101001000')).json()).items.find((s) => s.key === 'suggestion.accept_days'))
  assert.deepEqual([held.value, held.set_for], ['10', '110101000000'], 'a street of 东城区 takes the district value')

  // Restored: the national default holds again.
  await accept.locator('[data-test=setting-restore]').click()
  const confirm = admin.locator('.el-message-box')
  await confirm.getByText('删除东城区对“suggestion.accept_days”的单独设置').waitFor()
  await confirm.getByRole('button', { name: '恢复上级设置' }).click()
  await accept.locator('[data-test=setting-set-for]', { hasText: '全国默认' }).waitFor()
  assert.equal((await accept.locator('[data-test=setting-value]').innerText()).trim(), '15')
  assert.equal(await accept.locator('[data-test=setting-restore]').count(), 0, 'nothing of its own left to restore')
  await shot(admin, 's17-setting-restored')
  await admin.context().close()
})

test('a closed special collection publishes its results, which answer its evaluated suggestions', async () => {
  const own = freshDir('suggestion-results')
  const topic = '胡同停车秩序管理建议征集'
  let first = await startServer(own, { now: NOW })
  let later
  try {
    // The office publishes a collection that closes tomorrow.
    const office = await newPage(chrome.browser, first.url, undefined, { offsetMs: first.offsetMs })
    await signIn(office, 'jianyi')
    await office.locator('[data-test=nav-suggestion-menu]').click()
    await office.locator('[data-test=nav-suggestion-collections]').click()
    await office.locator('[data-test=collections] .el-table__row').first().waitFor()
    await office.locator('[data-test=new-collection]').click()
    const form = office.locator('[data-test=collection-form]')
    await office.locator('[data-test=collection-save]').click()
    await form.locator('.el-form-item__error', { hasText: '请填写征集主题' }).waitFor()
    await form.getByLabel('征集主题').fill(topic)
    await form.getByLabel('征集说明').fill('围绕胡同内停车难、乱停车问题，征集停车位设置和错时共享的意见建议。')
    await form.getByLabel('提交方式').fill('在门户网站“人民建议征集”栏目在线提交。')
    const closes = form.getByLabel('截止日期')
    await closes.fill('2026-06-16')
    await closes.press('Enter')
    await shot(office, 's18-collection-form')
    await office.locator('[data-test=collection-save]').click()
    const row = office.locator('[data-test=collections] .el-table__row', { hasText: topic })
    await row.locator('[data-test=collection-status]', { hasText: '征集中' }).waitFor()
    assert.match(await row.innerText(), /2026-06-15 — 2026-06-16/)

    // A citizen answers it; the office accepts and evaluates the suggestion.
    const { items } = await (await office.request.get('/api/v1/public/suggestion-collections?open=true')).json()
    const collection = items.find((c) => c.topic === topic)
    assert.ok(collection, 'the collection is published to the portal')
    const citizen = await newPage(chrome.browser, first.url, undefined, { offsetMs: first.offsetMs })
    const submitted = await citizen.request.post('/api/v1/public/suggestions', {
      data: {
        channel: 'web', collection_id: collection.id, subject: '建议胡同停车实行错时共享',
        reasons: '胡同白天车位空置、夜间停车难。', measures: '周边单位停车场夜间向居民错时开放。',
        proposer: { kind: 'person', name: '司马宁', phone: '13922223333' },
      },
    })
    assert.equal(submitted.status(), 201, await submitted.text())
    const { tracking_no: trackingNo } = await submitted.json()
    await citizen.context().close()
    const found = await call(office, 'GET', `/api/v1/suggestions?q=${trackingNo}`)
    const id = found.json.items[0].id
    for (const [action, body] of [['accept', {}], ['evaluate', { adoption: 'adopted', reasons: '错时共享可行，纳入停车治理方案。', conversion: 'work_improvement' }]]) {
      const r = await call(office, 'POST', `/api/v1/suggestions/${id}/${action}`, body)
      assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.json)}`)
    }
    // While open, no results are published.
    assert.equal(await row.locator('[data-test=publish-results]').count(), 0)
    await office.context().close()
    await first.stop()
    first = null

    // Five days later, the collection has closed.
    later = await startServer(own, { now: NOW + 5 * 86_400_000 })
    const office2 = await newPage(chrome.browser, later.url, undefined, { offsetMs: later.offsetMs })
    await signIn(office2, 'jianyi')
    await office2.goto('/suggestions/collections')
    const closed = office2.locator('[data-test=collections] .el-table__row', { hasText: topic })
    await closed.locator('[data-test=collection-status]', { hasText: '已截止' }).waitFor()
    await closed.locator('[data-test=publish-results]').click()
    const dialog = office2.locator('.el-dialog', { hasText: '发布征集结果' })
    await dialog.locator('[data-test=results-waiting]', { hasText: '本次征集共收到 1 件建议，其中 1 件已研究、待反馈' }).waitFor()
    await office2.locator('[data-test=results-save]').click()
    await dialog.locator('.el-form-item__error', { hasText: '请填写征集结果' }).waitFor()
    await dialog.getByLabel('征集结果').fill('本次征集收到建议 1 件，错时共享停车的建议已采纳，纳入胡同停车治理方案。')
    await shot(office2, 's19-results-dialog')
    await office2.locator('[data-test=results-save]').click()
    await dialog.locator('[data-test=results-answered]', { hasText: '1 件建议以集中公布方式反馈建议人' }).waitFor()
    await shot(office2, 's20-results-published')
    await dialog.getByRole('button', { name: '关闭', exact: true }).click()
    await closed.locator('[data-test=collection-results]', { hasText: '错时共享停车的建议已采纳' }).waitFor()
    assert.equal(await closed.locator('[data-test=publish-results]').count(), 0, 'published once')

    // The suggestion is answered by the publication.
    await office2.goto(`/suggestions/${id}`)
    await office2.locator('[data-test=suggestion-state]', { hasText: '已办结' }).waitFor()
    assert.equal((await office2.locator('[data-test=feedback-method]').innerText()).trim(), '集中公布')
    await office2.context().close()

    // The portal shows the results.
    const phone = await newPage(chrome.browser, later.url, { width: 375, height: 812 }, { offsetMs: later.offsetMs })
    await phone.goto('/portal/suggest')
    await phone.locator('[data-test=published-results]', { hasText: topic }).getByText('错时共享停车的建议已采纳').waitFor()
    await shot(phone, 's21-portal-results')
    await phone.context().close()
  } finally {
    await first?.stop()
    await later?.stop()
    rmSync(own, { recursive: true, force: true })
  }
})
