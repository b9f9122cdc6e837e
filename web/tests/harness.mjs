// What the browser tests stand on: a real `shegong serve` on a free loopback port with a fresh
// database, and Debian's Chromium started with the flags this machine needs, driven by
// playwright-core over the DevTools protocol (no browser is downloaded).
import { spawn } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const repo = path.resolve(fileURLToPath(new URL('../..', import.meta.url)))
export const shotDir = path.join(repo, 'build', 'browser-test')
export const PASSWORD = 'shegong-demo'

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

function waitForLine(stream, re, ms, what) {
  return new Promise((resolve, reject) => {
    let seen = ''
    const timer = setTimeout(() => reject(new Error(`${what}: no "${re}" within ${ms} ms; output:\n${seen}`)), ms)
    stream.on('data', (chunk) => {
      seen += chunk.toString()
      const m = seen.match(re)
      if (m) {
        clearTimeout(timer)
        resolve(m)
      }
    })
  })
}

/// Runs a shegong command to completion and returns its output.
export function run(args, opts = {}) {
  return new Promise((resolve, reject) => {
    const p = spawn(path.join(repo, 'build', 'shegong'), args, { cwd: repo, ...opts })
    let out = ''
    p.stdout.on('data', (c) => (out += c))
    p.stderr.on('data', (c) => (out += c))
    p.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`shegong ${args.join(' ')} exited ${code}:\n${out}`))))
  })
}

/// `shegong serve --demo` on 127.0.0.1 with a port of its own choosing. `dir` holds the database.
/// With `now` (ms since the epoch) the server runs in simulated time starting then
/// (SHEGONG_CLOCK_OFFSET_MS); pages given the returned `offsetMs` see the same time.
export async function startServer(dir, { demo = true, now, args: extra = [] } = {}) {
  mkdirSync(dir, { recursive: true })
  const args = ['serve', '--db', path.join(dir, 'shegong.db'), '--listen', '127.0.0.1:0', '--web-root', path.join(repo, 'web', 'dist')]
  if (demo) args.push('--demo')
  args.push(...extra)
  const offsetMs = now === undefined ? 0 : Math.round(now - Date.now())
  const env = { ...process.env }
  if (offsetMs) env.SHEGONG_CLOCK_OFFSET_MS = String(offsetMs)
  const proc = spawn(path.join(repo, 'build', 'shegong'), args, { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  proc.stderr.on('data', (c) => (log += c))
  const exited = new Promise((_, reject) => proc.on('exit', (code) => reject(new Error(`shegong serve exited ${code}:\n${log}`))))
  const m = await Promise.race([waitForLine(proc.stdout, /listening on (http:\/\/127\.0\.0\.1:\d+)/, 180_000, 'shegong serve'), exited])
  exited.catch(() => undefined)
  return {
    url: m[1],
    offsetMs,
    async stop() {
      if (proc.exitCode !== null) return
      const done = new Promise((r) => proc.on('exit', r))
      proc.kill('SIGTERM')
      await done
    },
  }
}

/// Debian's Chromium with a new, empty profile, and playwright connected to it.
export async function startBrowser() {
  const profile = mkdtempSync(path.join(tmpdir(), 'shegong-chromium-'))
  const proc = spawn(CHROMIUM, [...FLAGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const m = await waitForLine(proc.stderr, /DevTools listening on (ws:\/\/\S+)/, 30_000, 'chromium')
  const browser = await chromium.connectOverCDP(m[1])
  return {
    browser,
    async stop() {
      await browser.close().catch(() => undefined)
      if (proc.exitCode === null) {
        const done = new Promise((r) => proc.on('exit', r))
        proc.kill('SIGTERM')
        await done
      }
      // Chromium's helpers may still be writing for a moment after it exits.
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 })
      } catch {
        /* a temporary directory left behind */
      }
    },
  }
}

/// A new browser context (its own cookies) with one page, desktop-sized unless told. With
/// `offsetMs` the page's clock runs that far from the wall clock, as a simulated-time server does.
export async function newPage(browser, base, viewport = { width: 1440, height: 900 }, { offsetMs = 0 } = {}) {
  const context = await browser.newContext({ viewport, baseURL: base, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  if (offsetMs) await context.clock.install({ time: Date.now() + offsetMs })
  const page = await context.newPage()
  page.setDefaultTimeout(20_000)
  return page
}

export async function signIn(page, username) {
  await page.goto('/login')
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(PASSWORD)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
}

export async function shot(page, name) {
  mkdirSync(shotDir, { recursive: true })
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.waitForTimeout(300) // let transitions settle
  await page.screenshot({ path: path.join(shotDir, `${name}.png`), fullPage: true })
}

export function freshDir(name) {
  return mkdtempSync(path.join(tmpdir(), `shegong-${name}-`))
}

/// Picks a place in an Element Plus cascader by clicking each level's name; with `strict` the last
/// level is chosen by its radio button (a cascader that can stop at any level). A click that lands
/// while the panel is still settling can leave the next level unopened, so the level above is
/// clicked again while the name waited for has not appeared; and a click on the field that lands
/// while the page re-renders (a form showing its errors) can leave the panel closed, so the field
/// is clicked again while the first level has not appeared. Only the open panel counts: a page with
/// several cascaders (the portal's demand and suggestion forms) keeps the others' panels hidden.
export async function pickPlace(page, trigger, names, { strict = false } = {}) {
  await trigger.click()
  let above = null
  for (const [i, name] of names.entries()) {
    const node = page.locator('.el-cascader-panel .el-cascader-node:visible', { hasText: new RegExp(`^${name}$`) }).last()
    for (let attempt = 1; ; ++attempt) {
      try {
        await node.waitFor({ timeout: above || attempt > 1 ? 5000 : 20000 })
        break
      } catch (e) {
        if (attempt >= 4) throw e
        await (above ?? trigger).click()
      }
    }
    if (strict && i === names.length - 1) await node.locator('.el-radio').click()
    else await node.click()
    above = node
  }
  await page.keyboard.press('Escape').catch(() => undefined)
}
