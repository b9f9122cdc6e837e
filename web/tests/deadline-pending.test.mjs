// Browser test: late in the last year the calendar file holds, orders whose deadline would end in
// the next year are dispatched all the same, and the workbench and the order say 期限待定 instead of
// a countdown. The server runs on 28 December of that year, so the test keeps its meaning when the
// package gains a year.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { readFileSync, rmSync } from 'node:fs'
import { startServer, startBrowser, newPage, signIn, shot, freshDir, repo } from './harness.mjs'

const calendar = readFileSync(path.join(repo, 'data', 'calendar', 'holidays.csv'), 'utf8')
const lastYear = Math.max(...[...calendar.matchAll(/^(\d{4})-/gm)].map((m) => Number(m[1])))

let server
let chrome
let dir

before(async () => {
  dir = freshDir('deadline-pending')
  const now = Date.parse(`${lastYear}-12-28T12:00:00+08:00`)
  ;[server, chrome] = await Promise.all([startServer(dir, { now }), startBrowser()])
})

after(async () => {
  await chrome?.stop()
  await server?.stop()
  rmSync(dir, { recursive: true, force: true })
})

test('an order dispatched before the next notice shows its deadline as pending', async () => {
  const page = await newPage(chrome.browser, server.url, undefined, { offsetMs: server.offsetMs })
  await signIn(page, 'dispatcher')
  await page.goto('/workbench?state=accepted')
  const pending = page.locator('[data-test=countdown]', { hasText: '期限待定' }).first()
  await pending.waitFor()
  await shot(page, 'deadline-pending-list')
  await pending.locator('xpath=ancestor::tr').locator('a').first().click()
  await page.waitForURL(/\/orders\/\d+/)
  const deadline = page.locator('.deadline [data-test=countdown]')
  await deadline.waitFor()
  assert.match(await deadline.innerText(), /期限待定：节假日安排载入后按派单之时起算/)
  await shot(page, 'deadline-pending-order')
  await page.context().close()
})
