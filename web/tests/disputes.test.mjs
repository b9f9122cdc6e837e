// Browser tests of the 矛盾纠纷化解 screens in Debian's Chromium against a real `shegong serve --demo`
// in simulated time:
//  1. the community's mediator (duofu, who starts on the disputes) registers a neighbours' dispute
//     from the 矛盾纠纷 menu — an empty form says what is missing, a single party is refused — with
//     two parties; records party 2's refusal, is refused the start of mediation while it stands,
//     records the consent, starts, records a written agreement and reads the last day for judicial
//     confirmation; reads the parties in full only after being told the reading is audited;
//  2. the district's leader (dongcheng) opens the same dispute and reads no party's full name
//     anywhere on it, the agreement's terms included (the API masks them for him), and is offered
//     neither actions nor the reading in full.
// Screenshots of every step go to build/browser-test/d*.png.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { startServer, startBrowser, newPage, signIn, shot, freshDir } from './harness.mjs'

let server
let chrome
let dir
let disputeId

// Monday 15 June 2026, 10:00 China time: an agreement effective today may be brought to a court
// for judicial confirmation until Wednesday 15 July (30 days, a working day).
const NOW = Date.parse('2026-06-15T02:00:00Z')
const APPLICANT = '王建国'
const RESPONDENT = '刘美兰'

before(async () => {
  dir = freshDir('disputes')
  ;[server, chrome] = await Promise.all([startServer(dir, { now: NOW }), startBrowser()])
})

after(async () => {
  await chrome?.stop()
  await server?.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const open = (viewport) => newPage(chrome.browser, server.url, viewport, { offsetMs: server.offsetMs })
const stateOf = async (page) => (await page.locator('[data-test=dispute-state]').innerText()).trim()

async function startAction(page, action) {
  await page.locator(`[data-test=dact-${action}]`).click()
  const form = page.locator(`[data-test=dform-${action}]`)
  await form.waitFor()
  return form
}
const submitAction = (page) => page.locator('[data-test=daction-submit]').click()
const cancelAction = (page) => page.locator('.el-dialog:visible').getByRole('button', { name: '取消' }).click()

test('the community mediator registers a neighbours\' dispute, meets a refusal, and records a written agreement', async () => {
  const mediator = await open()
  await signIn(mediator, 'duofu')
  // A residents' committee's staff start on the disputes.
  await mediator.waitForURL('**/disputes')
  await mediator.locator('[data-test=disputes] .el-table__row').first().waitFor()
  await mediator.locator('[data-test=dquick-all] .n', { hasText: /^\d+$/ }).waitFor()
  await shot(mediator, 'd01-dispute-list')

  await mediator.locator('[data-test=nav-dispute-menu]').click()
  await mediator.locator('[data-test=nav-disputes-new]').click()
  await mediator.waitForURL('**/disputes/new')
  const form = mediator.locator('[data-test=dispute-form]')
  // The committee's place is its own community.
  assert.equal((await form.locator('[data-test=dispute-own-place]').innerText()).trim(), '多福巷社区居委会')

  // An empty form says what is missing, under each item.
  await form.locator('[data-test=dispute-submit]').click()
  for (const message of ['请选择纠纷类别', '请填写标题', '请填写纠纷情况', '请填写当事人姓名']) {
    await form.locator('.el-form-item__error', { hasText: message }).first().waitFor()
  }
  await shot(mediator, 'd02-register-validation')

  await form.locator('[data-test=dispute-category]').click()
  await mediator.locator('.el-select-dropdown__item:visible', { hasText: '邻里纠纷' }).click()
  await form.getByRole('radio', { name: '中' }).check({ force: true })
  await form.getByLabel('标题').fill('楼上漏水致楼下天花板受损')
  await form.getByLabel('纠纷情况').fill(`多福巷3号楼502住户${RESPONDENT}家卫生间漏水，致402住户${APPLICANT}家天花板受损，双方就维修和赔偿协商未果。`)
  await form.getByLabel('详细地址').fill('多福巷3号楼')
  await form.locator('[data-test=party-1] input').first().fill(APPLICANT)
  await form.locator('[data-test=party-1] input').nth(1).fill('13811112222')

  // A single party is refused before sending.
  await form.locator('[data-test=remove-party-2]').click()
  await form.locator('[data-test=dispute-submit]').click()
  await form.locator('.el-form-item__error', { hasText: '至少登记两方当事人' }).waitFor()
  await form.locator('[data-test=add-party]').click()
  await form.locator('[data-test=party-2] input').first().fill(RESPONDENT)
  await form.locator('[data-test=party-2] input').nth(1).fill('13922223333')
  await shot(mediator, 'd03-register-form')
  await form.locator('[data-test=dispute-submit]').click()
  const registered = mediator.locator('[data-test=dispute-registered]')
  const trackingNo = (await registered.locator('[data-test=dispute-registered-no]').innerText()).trim()
  assert.match(trackingNo, /^TJ\d+$/)

  await registered.locator('[data-test=dispute-to-detail]').click()
  await mediator.locator('[data-test=dispute-timeline]').waitFor()
  disputeId = Number(new URL(mediator.url()).pathname.split('/').pop())
  assert.equal(await stateOf(mediator), '已登记')
  assert.equal((await mediator.locator('[data-test=dispute-track]').innerText()).trim(), '人民调解')
  // The parties masked, even for the committee.
  const masked = await mediator.locator('[data-test=parties]').innerText()
  assert.ok(!masked.includes(APPLICANT) && !masked.includes(RESPONDENT), masked)
  assert.match(masked, /138\*\*\*\*2222/)
  assert.deepEqual(await mediator.locator('[data-test=dispute-actions] button').allInnerTexts(), ['开始调解', '移送', '记录拒绝调解', '终止调解'])

  // Party 2 refuses mediation.
  const refusal = await startAction(mediator, 'record_refusal')
  await refusal.getByText('当事人2', { exact: false }).click()
  await refusal.getByLabel('说明').fill('被申请人认为漏水系楼上管道老化，不同意调解。')
  await submitAction(mediator)
  await mediator.locator('[data-test=refusal]', { hasText: '当事人2拒绝调解' }).waitFor()

  // While it stands, mediation may not start: the server's refusal shows in the form.
  const start = await startAction(mediator, 'start')
  await start.getByLabel('调解员').fill('多福巷人民调解委员会 张调解员')
  await submitAction(mediator)
  await start.locator('[data-test=refusal-error]', { hasText: '当事人2已拒绝调解' }).waitFor()
  await shot(mediator, 'd04-start-refused')
  await cancelAction(mediator)
  assert.equal(await stateOf(mediator), '已登记')

  // Party 2 changes their mind.
  const consent = await startAction(mediator, 'record_consent')
  await consent.getByText('当事人2', { exact: false }).click()
  await submitAction(mediator)
  await mediator.locator('[data-test=consent]', { hasText: '当事人2同意调解' }).waitFor()

  const start2 = await startAction(mediator, 'start')
  await start2.getByLabel('调解员').fill('张调解员')
  await submitAction(mediator)
  await mediator.locator('[data-test=dispute-state]', { hasText: '调解中' }).waitFor()
  assert.match(await mediator.locator('[data-test=mediation]').innerText(), /张调解员/)
  assert.match(await mediator.locator('[data-test=dispute-deadline]').innerText(), /调解期限/)

  // A written agreement, effective today: the parties may apply for judicial confirmation until 15 July.
  const agree = await startAction(mediator, 'agree')
  await agree.getByText('书面协议', { exact: true }).click()
  await agree.getByLabel('协议内容').fill(`${RESPONDENT}于十日内修复卫生间防水，并赔偿${APPLICANT}天花板修复费用。`)
  await submitAction(mediator)
  await mediator.locator('[data-test=dispute-state]', { hasText: '已达成协议' }).waitFor()
  assert.equal((await mediator.locator('[data-test=agreement-form]').innerText()).trim(), '书面协议')
  assert.match(await mediator.locator('[data-test=confirmation-until]').innerText(), /司法确认申请期限至 2026-07-15[\s\S]*申请期限内/)
  assert.deepEqual(await mediator.locator('[data-test=dispute-actions] button').allInnerTexts(), ['记录司法确认申请'])
  const timeline = await mediator.locator('[data-test=dispute-timeline]').innerText()
  for (const step of ['登记', '记录拒绝调解', '记录同意调解', '开始调解', '达成调解协议']) assert.match(timeline, new RegExp(step))
  await shot(mediator, 'd05-agreed')

  // The parties in full, once told that the reading is audited.
  await mediator.locator('[data-test=reveal-parties]').click()
  const reveal = mediator.locator('.el-dialog', { hasText: '查看当事人完整信息' })
  await reveal.getByText('记入审计日志').first().waitFor()
  assert.equal(await reveal.locator('[data-test=parties-full]').count(), 0, 'nothing shown before the reading is confirmed')
  await reveal.locator('[data-test=reveal-confirm]').click()
  await reveal.locator('[data-test=party-full-name]', { hasText: RESPONDENT }).waitFor()
  assert.deepEqual(await reveal.locator('[data-test=party-full-name]').allInnerTexts(), [APPLICANT, RESPONDENT])
  assert.deepEqual(await reveal.locator('[data-test=party-full-phone]').allInnerTexts(), ['13811112222', '13922223333'])
  await shot(mediator, 'd06-parties-revealed')
  await reveal.getByRole('button', { name: '关闭', exact: true }).click()

  // The list finds it by its number.
  await mediator.goto(`/disputes?q=${trackingNo}`)
  await mediator.locator('[data-test=dispute-total]', { hasText: '共 1 件' }).waitFor()
  await mediator.context().close()
})

test('the district leader reads the dispute with every party\'s name masked, the agreement\'s terms included', async () => {
  assert.ok(disputeId, 'the first test registered a dispute')
  const leader = await open()
  await signIn(leader, 'dongcheng')
  await leader.goto(`/disputes/${disputeId}`)
  await leader.locator('[data-test=dispute-agreement]').waitFor()
  assert.equal(await stateOf(leader), '已达成协议')
  const text = await leader.locator('body').innerText()
  for (const name of [APPLICANT, RESPONDENT]) assert.ok(!text.includes(name), `${name} shown to the leader`)
  assert.match(await leader.locator('[data-test=agreement-terms]').innerText(), /修复卫生间防水/)
  assert.match(await leader.locator('[data-test=confirmation-until]').innerText(), /2026-07-15/)
  assert.equal(await leader.locator('[data-test=reveal-parties]').count(), 0)
  assert.equal(await leader.locator('[data-test=dispute-actions]').count(), 0)
  await shot(leader, 'd07-leader-masked')
  await leader.context().close()
})
