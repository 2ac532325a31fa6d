import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import type { FakeMessenger } from '@verified-messenger/testing'
import { createFakeIntercom } from '@verified-messenger/testing/server'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findChromium } from '../../demo/e2e/findChromium'
import { launchChromium } from '../../demo/e2e/launchChromium'

declare global {
  interface Window {
    __fakeIntercom?: FakeMessenger
  }
}

const exampleDir = fileURLToPath(new URL('..', import.meta.url))
const nextBin = createRequire(`${exampleDir}/package.json`).resolve('next/dist/bin/next')
// `next start` serves the build CI made (with both variables set); `next dev` gets them here.
const appId = process.env.NEXT_PUBLIC_INTERCOM_APP_ID ?? 'e2e-app'
const secret = process.env.INTERCOM_IDENTITY_SECRET ?? randomBytes(32).toString('base64url')

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

/** `next <command>` on a free port, with everything it prints kept line by line. */
async function startNext(command: 'start' | 'dev') {
  const port = await freePort()
  const lines: string[] = []
  const server: ChildProcess = spawn(process.execPath, [nextBin, command, '-p', String(port)], {
    cwd: exampleDir,
    detached: true,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_PUBLIC_INTERCOM_APP_ID: appId,
      INTERCOM_IDENTITY_SECRET: secret,
    },
  })
  for (const stream of [server.stdout, server.stderr]) {
    stream?.setEncoding('utf8').on('data', (chunk: string) => lines.push(...chunk.split('\n')))
  }
  // localhost: `next dev` refuses its client code to other origins (allowedDevOrigins).
  const origin = `http://localhost:${port}`
  for (const started = Date.now(); ; ) {
    if (server.exitCode !== null) throw new Error(`next ${command} exited:\n${lines.join('\n')}`)
    if (
      await fetch(origin, { method: 'HEAD' }).then(
        () => true,
        () => false,
      )
    )
      break
    if (Date.now() - started > 60_000)
      throw new Error(`next ${command} did not answer on ${origin}`)
    await new Promise((wait) => setTimeout(wait, 250))
  }
  return {
    origin,
    lines,
    // The whole group: next and its server process.
    stop: () => server.pid !== undefined && process.kill(-server.pid, 'SIGTERM'),
  }
}

/**
 * A browser context on the app in which Intercom's widget and API hosts are the fake Messenger, which
 * verifies the tokens the app signs.
 */
async function openApp(browser: Browser, origin: string): Promise<BrowserContext> {
  const fakeIntercom = createFakeIntercom({ secret, appId })
  const context = await browser.newContext({ baseURL: origin })
  context.setDefaultTimeout(60_000)
  await context.route(/^https:\/\/(widget|api-iam)\.intercom\.io\//, async (route) => {
    const request = route.request()
    const { pathname } = new URL(request.url())
    const response = await fakeIntercom(
      new Request(`http://fake${pathname}`, {
        method: request.method(),
        headers: await request.allHeaders(),
        body: request.postData(),
      }),
    )
    await route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: Buffer.from(await response.arrayBuffer()),
    })
  })
  return context
}

/**
 * Answers the consent banner once React has hydrated it: a click before that (likely under `next dev`,
 * which compiles the client code on the first visit) would reach a button without its handler.
 */
async function acceptChat(page: Page): Promise<void> {
  const yes = page.getByRole('button', { name: 'Yes' })
  await page.waitForFunction(
    (button) => Object.keys(button ?? {}).some((key) => key.startsWith('__reactProps')),
    await yes.elementHandle(),
  )
  await yes.click()
}

// Next logs a render's failure on the server (a prerender that read the clock, a thrown Server Component)
// and still answers 200, so the page looks fine: only its output tells.
const errorLine = /\bError\b|⨯/

describe.each(['start', 'dev'] as const)('next %s', (command) => {
  let browser: Browser
  let next: Awaited<ReturnType<typeof startNext>>

  beforeAll(async () => {
    const chromium = findChromium()
    if (!chromium) throw new Error('No Chromium: run `apt-get install -y chromium`.')
    if (command === 'start' && !existsSync(`${exampleDir}/.next/BUILD_ID`)) {
      throw new Error(
        'No production build: run `NEXT_PUBLIC_INTERCOM_APP_ID=e2e-app pnpm --filter @verified-messenger/example-nextjs build` first.',
      )
    }
    ;[browser, next] = await Promise.all([launchChromium(chromium), startNext(command)])
  }, 120_000)
  afterAll(async () => {
    next?.stop()
    await browser?.close()
  })

  it('a visitor who signs in, reloads and signs out gets a verified Messenger, and neither the server nor the browser logs an error', async () => {
    const context = await openApp(browser, next.origin)
    const page = await context.newPage()
    // `next dev` reports some render errors to the browser (its overlay) rather than to its own output.
    const browserErrors: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') browserErrors.push(message.text())
    })
    page.on('pageerror', (error) => browserErrors.push(error.message))
    await page.goto('/')
    await acceptChat(page)
    await page.getByText('Messenger: booted (anonymous)').waitFor()

    await page.getByRole('button', { name: 'Ada Lovelace' }).click()
    await page.getByText('verified as user-ada, jwt').waitFor()
    // Signed in, the page itself signs the first identity (issueIdentity in a Server Component).
    await page.reload()
    await acceptChat(page)
    await page.getByText('verified as user-ada, jwt').waitFor()
    // The Messenger (the fake, as Intercom does) checked the token the page was rendered with.
    await page.waitForFunction(() => window.__fakeIntercom?.state.verified === true)

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByText('Messenger: booted (anonymous)').waitFor()
    await page.reload()
    await page.getByText('Signed out.').waitFor()
    await context.close()

    expect(next.lines.filter((line) => errorLine.test(line))).toEqual([])
    expect(browserErrors).toEqual([])
  }, 180_000)
})
