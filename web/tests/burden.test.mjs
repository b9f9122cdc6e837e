// Browser tests of the 减负 screens in Debian's Chromium against a real `shegong serve --demo`:
//  1. 东城区城市管理委员会 (chengguan) sends 东华门街道 a task outside the lists from the 减负 menu: it
//     waits for the approval of 东城区人民政府; the district government (quzhengfu) finds it among
//     the tasks awaiting approval and approves it with its reasons: it is admitted, and the street
//     (donghuamen) completes it;
//  2. chengguan picks an item taken back by the departments above (上级部门收回事项): the refusal
//     stands under the item and no task is created;
//  3. 多福巷社区居委会 (duofu) is asked for a 亲属关系证明, which is not on the list — refused, with the
//     reason to tell the resident — then for a 居民居住情况证明, issued with its ZM number; the ledger
//     counts both;
//  4. the lists for 东华门街道 show where each item comes from, and a cooperating item its lead
//     department and the street's supporting role.
// Screenshots of every step go to build/browser-test/b*.png.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { startServer, startBrowser, newPage, signIn, shot, freshDir } from './harness.mjs'

let server
let chrome
let dir

before(async () => {
  dir = freshDir('burden')
  ;[server, chrome] = await Promise.all([startServer(dir), startBrowser()])
})

after(async () => {
  await chrome?.stop()
  await server?.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

const open = () => newPage(chrome.browser, server.url)
const stateOf = async (page) => (await page.locator('[data-test=task-state]').innerText()).trim()

async function pickOption(page, select, text) {
  await select.click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}

async function openSendForm(page) {
  await page.locator('[data-test=nav-burden-menu]').click()
  await page.locator('[data-test=nav-burden-send]').click()
  await page.waitForURL('**/burden/tasks/new')
  return page.locator('[data-test=task-form]')
}

/// How many tasks the caller reads whose subject or content has `q`.
const countTasks = (page, q) =>
  page.evaluate(async (q) => (await fetch(`/api/v1/work-tasks?q=${encodeURIComponent(q)}`).then((r) => r.json())).total, q)

test('a task outside the lists waits for the district government, which approves it; the street completes it', async () => {
  const dept = await open()
  await signIn(dept, 'chengguan')
  const form = await openSendForm(dept)

  // An empty form says what is missing.
  await form.locator('[data-test=task-submit]').click()
  for (const message of ['请选择承接单位', '请选择清单事项，或选择清单外事项', '请填写事项名称', '请填写工作内容']) {
    await form.locator('.el-form-item__error', { hasText: message }).first().waitFor()
  }

  await pickOption(dept, form.locator('[data-test=task-target]'), '东华门街道办事处')
  await pickOption(dept, form.locator('[data-test=task-item]'), '清单外事项（需审批）')
  await form.getByLabel('事项名称').fill('报送辖区共享单车停放点位统计表')
  await form.getByLabel('工作内容').fill('请街道统计辖区共享单车停放点位数量，按附表填报。')
  await form.locator('[data-test=task-form-filling]').click()
  await shot(dept, 'b01-send-unlisted')
  await form.locator('[data-test=task-submit]').click()

  const registered = dept.locator('[data-test=task-registered]')
  const trackingNo = (await registered.locator('[data-test=task-registered-no]').innerText()).trim()
  assert.match(trackingNo, /^RW\d+$/)
  assert.match(await registered.locator('[data-test=task-outcome]').innerText(), /已报 东城区人民政府 审批/)
  await shot(dept, 'b02-sent-awaiting')
  await registered.locator('[data-test=task-to-detail]').click()
  await dept.locator('[data-test=task-timeline]').waitFor()
  const taskUrl = new URL(dept.url()).pathname
  assert.equal(await stateOf(dept), '待审批')
  assert.equal((await dept.locator('[data-test=task-lead]').innerText()).trim(), '东城区人民政府')
  assert.equal((await dept.locator('[data-test=task-item]').innerText()).trim(), '清单外事项')
  assert.equal(await dept.locator('[data-test=task-actions]').count(), 0, 'the sender has no action')
  await dept.context().close()

  // The district government finds it among the tasks awaiting its approval.
  const gov = await open()
  await signIn(gov, 'quzhengfu')
  await gov.locator('[data-test=nav-burden-menu]').click()
  await gov.locator('[data-test=nav-burden-tasks]').click()
  await gov.waitForURL('**/burden/tasks')
  await gov.locator('[data-test=tquick-awaiting_approval]').click()
  await gov.locator('[data-test=tasks] .el-table__row', { hasText: trackingNo }).waitFor()
  assert.match(await gov.locator('[data-test=tasks] .el-table__row', { hasText: trackingNo }).innerText(), /东城区城市管理委员会 → 东华门街道办事处[\s\S]*填表报数/)
  await shot(gov, 'b03-awaiting-approval')
  await gov.locator('[data-test=tasks] .el-table__row', { hasText: trackingNo }).locator('a').click()
  await gov.locator('[data-test=task-timeline]').waitFor()
  assert.deepEqual(await gov.locator('[data-test=task-actions] button').allInnerTexts(), ['批准准入', '退回'])
  await gov.locator('[data-test=tact-approve]').click()
  const approve = gov.locator('[data-test=tform-approve]')
  await approve.waitFor()
  await gov.locator('[data-test=taction-submit]').click()
  await approve.locator('.el-form-item__error', { hasText: '请填写理由' }).waitFor()
  await approve.getByLabel('理由').fill('共享单车停放治理需街道掌握点位底数，同意准入，一次性报送。')
  await gov.locator('[data-test=taction-submit]').click()
  await gov.locator('[data-test=task-state]', { hasText: '已准入' }).waitFor()
  assert.match(await gov.locator('[data-test=approval-decision]').innerText(), /批准准入 · 东城区人民政府/)
  assert.match(await gov.locator('[data-test=approval-reasons]').innerText(), /同意准入/)
  assert.equal((await gov.locator('[data-test=task-lead]').innerText()).trim(), '东华门街道办事处')
  await shot(gov, 'b04-approved')
  await gov.context().close()

  // The street completes it.
  const street = await open()
  await signIn(street, 'donghuamen')
  await street.goto(taskUrl)
  await street.locator('[data-test=task-timeline]').waitFor()
  assert.equal(await stateOf(street), '已准入')
  await street.locator('[data-test=tact-complete]').click()
  await street.locator('[data-test=tform-complete]').getByLabel('办结情况').fill('已统计点位 36 处，表格已报送。')
  await street.locator('[data-test=taction-submit]').click()
  await street.locator('[data-test=task-state]', { hasText: '已完成' }).waitFor()
  assert.match(await street.locator('[data-test=completion-note]').innerText(), /点位 36 处/)
  const timeline = await street.locator('[data-test=task-timeline]').innerText()
  for (const step of ['派发', '批准准入', '办结']) assert.match(timeline, new RegExp(step))
  await street.context().close()
})

test('a task on an item taken back by the departments above is refused under the item, and nothing is created', async () => {
  const dept = await open()
  await signIn(dept, 'chengguan')
  const form = await openSendForm(dept)
  await pickOption(dept, form.locator('[data-test=task-target]'), '东华门街道办事处')
  await pickOption(dept, form.locator('[data-test=task-item]'), '违法建设的行政处罚')
  await form.getByLabel('事项名称').fill('违法建设行政处罚案件协查')
  await form.getByLabel('工作内容').fill('请街道对辖区违法建设作出行政处罚决定。')
  await form.locator('[data-test=task-submit]').click()
  const error = form.locator('[data-item=item_id] .el-form-item__error')
  await error.waitFor()
  assert.match(await error.innerText(), /「违法建设的行政处罚」为上级部门收回事项/)
  assert.equal(await dept.locator('[data-test=task-registered]').count(), 0)
  await shot(dept, 'b05-returned-refused')
  assert.equal(await countTasks(dept, '违法建设行政处罚案件协查'), 0)
  await dept.context().close()
})

test('the community refuses a certificate not on its list, with the reason, and issues one on it', async () => {
  const committee = await open()
  await signIn(committee, 'duofu')
  await committee.locator('[data-test=nav-burden-menu]').click()
  await committee.locator('[data-test=nav-burden-certificates]').click()
  await committee.waitForURL('**/burden/certificates')
  const counts = committee.locator('[data-test=certificate-counts]')
  await counts.filter({ hasText: /已出具 \d+ 件/ }).waitFor()
  await committee.locator('[data-test=certificate-ledger] .el-table__row').first().waitFor()
  const before = (await counts.innerText()).match(/已出具 (\d+) 件，不予出具 (\d+) 件/).slice(1).map(Number)

  const form = committee.locator('[data-test=certificate-form]')
  await form.locator('[data-test=certificate-name] input, input[data-test=certificate-name]').fill('亲属关系证明')
  await form.getByLabel('用途').fill('办理继承公证')
  await form.locator('[data-test=certificate-submit]').click()
  const answer = committee.locator('[data-test=certificate-answer]')
  await answer.locator('[data-test=certificate-reason]').waitFor()
  assert.match(await answer.innerText(), /不予出具：亲属关系证明/)
  assert.match(await answer.locator('[data-test=certificate-reason]').innerText(), /「亲属关系证明」不在多福巷社区居委会可以出具的证明事项清单内/)
  await shot(committee, 'b06-certificate-refused')

  await form.locator('[data-test=certificate-listed]', { hasText: '居民居住情况证明' }).click()
  await form.getByLabel('用途').fill('子女入学')
  await form.locator('[data-test=certificate-submit]').click()
  await answer.locator('[data-test=certificate-number]').waitFor()
  assert.match((await answer.locator('[data-test=certificate-number]').innerText()).trim(), /^ZM\d+$/)
  await counts.filter({ hasText: `已出具 ${before[0] + 1} 件，不予出具 ${before[1] + 1} 件` }).waitFor()
  await shot(committee, 'b07-certificate-issued')
  await committee.context().close()
})

test('the lists for 东华门街道 say where each item comes from; a cooperating item names its lead department', async () => {
  const street = await open()
  await signIn(street, 'donghuamen')
  await street.goto('/burden/lists')
  await street.locator('[data-test=duty-items] .el-table__row').first().waitFor()
  const from = await street.locator('[data-test=duty-from]').allInnerTexts()
  assert.ok(from.length > 0 && from.every((x) => ['北京市', '东城区'].includes(x.trim())), from.join(','))
  await street.getByRole('tab', { name: '配合履职事项' }).click()
  const row = street.locator('[data-test=duty-items] .el-table__row', { hasText: '燃气安全检查' })
  await row.waitFor()
  assert.equal((await row.locator('[data-test=duty-lead]').innerText()).trim(), '城市管理委员会')
  assert.match(await row.locator('[data-test=duty-role]').innerText(), /入户宣传/)
  assert.equal(await street.locator('[data-test=duty-add]').count(), 0, 'only admins add items')
  await shot(street, 'b08-lists')
  await street.context().close()
})
