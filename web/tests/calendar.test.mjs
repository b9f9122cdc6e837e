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
