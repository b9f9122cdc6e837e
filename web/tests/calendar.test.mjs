// Browser test: while next year's holiday notice is not loaded, every staff screen says so and
// from which day each common limit can no longer be computed. The server runs on 4 December of the
// last year the calendar file holds, so the test keeps its meaning when the package gains a year.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { startServer, startBrowser, newPage, signIn, shot, freshDir, repo } from './harness.mjs'

const calendar = readFileSync(path.join(repo, 'data', 'calendar', 'holidays.csv'), 'utf8')
const lastYear = Math.max(...[...calendar.matchAll(/^(\d{4})-/gm)].map((m) => Number(m[1])))

let server
let chrome
let dir

// The last year once more, as a local file typed from its notice, with its last weekday off left
// out: a slip the server reports against the 放假办法's count of days off.
const rows = calendar.split('\n').filter((l) => l.startsWith(`${lastYear}-`))
const isWeekday = (l) => ![0, 6].includes(new Date(`${l.slice(0, 10)}T12:00:00Z`).getUTCDay())
const dropped = rows.filter((l) => l.includes(',holiday,') && isWeekday(l)).at(-1)

before(async () => {
  dir = freshDir('calendar')
  const local = path.join(dir, 'local.csv')
  writeFileSync(local, ['date,kind,name', ...rows.filter((l) => l !== dropped), ''].join('\n'))
  const now = Date.parse(`${lastYear}-12-04T12:00:00+08:00`)
  const args = ['--calendar', path.join(repo, 'data', 'calendar', 'holidays.csv'), '--calendar', local]
  ;[server, chrome] = await Promise.all([startServer(dir, { now, args }), startBrowser()])
})

after(async () => {
  await chrome?.stop()
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

test('a missing next-year holiday calendar is announced on the staff screens', async () => {
  const page = await newPage(chrome.browser, server.url, undefined, { offsetMs: server.offsetMs })
  await signIn(page, 'dispatcher')
  const banner = page.locator('[data-test=calendar-gap]')
  await banner.waitFor()
  const text = await banner.innerText()
  const next = lastYear + 1
  assert.match(text, new RegExp(`${next} 年节假日安排尚未载入`))
  assert.match(text, new RegExp(`15 日期限自 ${lastYear}-12-17 起`))
  assert.match(text, new RegExp(`7 日期限自 ${lastYear}-12-25 起`))
  assert.match(text, /60 日期限现已无法计算/)
  assert.equal(await banner.getAttribute('role'), 'alert')
  assert.equal(await page.locator('[data-test=calendar-gap-load]').count(), 0) // admins load notices
  await shot(page, 'calendar-gap')
  // Every staff screen carries it.
  await page.goto('/dashboard')
  await banner.waitFor()
  await page.context().close()
})

test('a loaded year that disagrees with the holiday measures is announced too', async () => {
  const page = await newPage(chrome.browser, server.url, undefined, { offsetMs: server.offsetMs })
  await signIn(page, 'donghuamen')
  const banner = page.locator('[data-test=calendar-review]')
  await banner.waitFor()
  const text = await banner.innerText()
  assert.match(text, new RegExp(`${lastYear} 年节假日安排与《全国年节及纪念日放假办法》不符`))
  assert.match(text, /shegong calendar check/)
  assert.match(text, /make 12 days off, where the 放假办法 gives 13/)
  await shot(page, 'calendar-review')
  await page.context().close()
})

test('a day off for some groups only is announced the week before, with whom it is for', async () => {
  const own = freshDir('calendar-partial')
  const now = Date.parse(`${lastYear}-05-29T12:00:00+08:00`)
  const args = ['--calendar', path.join(repo, 'data', 'calendar', 'holidays.csv')]
  const partial = await startServer(own, { now, args })
  try {
    const page = await newPage(chrome.browser, partial.url, undefined, { offsetMs: partial.offsetMs })
    await signIn(page, 'dispatcher')
    const note = page.locator('[data-test=calendar-partial]')
    await note.waitFor()
    const text = await note.innerText()
    assert.match(text, new RegExp(`${lastYear}-06-01 儿童节：不满14周岁的少年儿童放假1 天`))
    assert.match(text, /其他人照常上班/)
    assert.doesNotMatch(text, /妇女节|青年节|建军节/)
    await page.context().close()
  } finally {
    await partial.stop()
    rmSync(own, { recursive: true, force: true })
  }
})

// Runs last: it loads the missing year into the server the tests above share.
test('an admin loads the missing notice from the banner, checked first, and the banner goes', async () => {
  const next = lastYear + 1
  const page = await newPage(chrome.browser, server.url, undefined, { offsetMs: server.offsetMs })
  await signIn(page, 'admin')
  await page.locator('[data-test=calendar-gap-load]').click()
  await page.waitForURL('**/admin/calendar')
  assert.doesNotMatch(await page.locator('[data-test=calendar-years]').innerText(), new RegExp(`${next}`))
  const rows = page.locator('textarea[data-test=calendar-csv]')
  const check = page.locator('[data-test=calendar-preview]')
  const load = page.locator('[data-test=calendar-load]')

  // A slip is named by its line, and nothing can be loaded until the text checks.
  await rows.fill(`date,kind,name\n${next}-01-01,holiday,元旦\n${next}-02-30,holiday,春节\n`)
  await check.click()
  await page.getByText(`第 3 行：${next}-02-30 不是日历上的日期`).waitFor()
  assert.equal(await load.isDisabled(), true)

  // 元旦 alone disagrees with the 放假办法: loading waits for the admin to confirm it as typed.
  await rows.fill(`date,kind,name\n${next}-01-01,holiday,元旦\n`)
  await check.click()
  await page.locator('[data-test=calendar-warnings]').waitFor()
  assert.match(await page.locator('[data-test=calendar-review-result]').innerText(), new RegExp(`${next} 年核对结果`))
  assert.equal(await load.isDisabled(), true)
  await shot(page, 'calendar-load')
  await page.locator('[data-test=calendar-confirm]').click()
  await load.click()
  await page.getByText(`${next} 年节假日安排已载入`).waitFor()
  await page.locator('[data-test=calendar-years]', { hasText: `${next}` }).waitFor()
  assert.match(await page.locator('[data-test=calendar-loaded-here]').innerText(), new RegExp(`${next} 年：.+ 于 ${lastYear}-12-04 .* 在此载入`))
  // Every screen reads the calendar again: the gap is gone, and the year as typed (元旦 alone) is
  // announced as disagreeing with the 放假办法 until it is corrected.
  await page.goto('/dashboard')
  await page.locator('[data-test=calendar-review]', { hasText: `${next}` }).waitFor()
  assert.equal(await page.locator('[data-test=calendar-gap]').count(), 0)
  await page.context().close()
})
