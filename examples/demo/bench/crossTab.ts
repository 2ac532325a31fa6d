import type { Browser, Page, Request } from 'playwright-core'
import { findChromium } from '../e2e/findChromium'
import { launchChromium } from '../e2e/launchChromium'
import { startDemoServer } from '../server/startDemoServer'
import { median } from './median'

// Several tabs of one browser (pages of one context, sharing cookies, storage and Web Locks):
// 1. sign-out reach: the time from the sign-out click's `shutdown` in one tab to `shutdown` reaching the
//    Messenger in each other tab (goal: under 250 ms);
// 2. renewal requests per period for 1, 5 and 10 tabs (goal: 1), against each tab renewing on its own
//    (`/?solo`, the demo without shareRenewal).
const signOutRuns = 9
const signOutTabs = 3
// A 6 s token is renewed at half its life, so one renewal period is 3 s; counted over 4 periods.
const tokenTtlSeconds = 6
const periodMs = (tokenTtlSeconds / 2) * 1000
const countedPeriods = 4

const chromiumPath = findChromium()
if (!chromiumPath) {
  console.error(
    '[verified-messenger/demo] No Chromium for the benchmark: run `apt-get install -y chromium`.',
  )
  process.exit(1)
}

/**
 * Runs in each page before its own scripts: notes when the fake Messenger records a `shutdown`, on the
 * clock all pages share (`timeOrigin + now`, in ms). Plain JavaScript text, as in bootLatency.ts.
 */
const recordShutdown = `
  let handle
  Object.defineProperty(window, '__fakeIntercom', {
    configurable: true,
    get: () => handle,
    set(value) {
      handle = value
      const push = value.calls.push.bind(value.calls)
      value.calls.push = (...calls) => {
        if (calls.some((call) => call[0] === 'shutdown')) {
          window.__shutdownAt ??= performance.timeOrigin + performance.now()
        }
        return push(...calls)
      }
    },
  })
`

/** A signed-in browser with consent given, and `count` tabs open on `path`, each verified. */
async function openTabs(browser: Browser, baseURL: string, count: number, path = '/') {
  const context = await browser.newContext({ baseURL })
  await context.request.post('/api/session', { data: { userId: 'user_ada' } })
  await context.addInitScript(() => localStorage.setItem('demo-consent', 'granted'))
  await context.addInitScript({ content: recordShutdown })
  const identityRequests: Request[] = []
  context.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/intercom/identity') identityRequests.push(request)
  })
  const tabs: Page[] = []
  for (let i = 0; i < count; i++) {
    const tab = await context.newPage()
    await tab.goto(path)
    await tab.waitForFunction(() => window.__fakeIntercom?.state.verified === true)
    tabs.push(tab)
  }
  return { context, tabs, identityRequests }
}

async function signOutReach(browser: Browser, baseURL: string): Promise<number[]> {
  const { context, tabs } = await openTabs(browser, baseURL, signOutTabs)
  try {
    const [first, ...others] = tabs as [Page, ...Page[]]
    await first.getByRole('button', { name: 'Sign out' }).click()
    const shutdownAt = (tab: Page) =>
      tab
        .waitForFunction(() => (window as unknown as { __shutdownAt?: number }).__shutdownAt)
        .then(async (handle) => (await handle.jsonValue()) as number)
    const start = await shutdownAt(first)
    // Awaited here, so the context is closed only once every tab has answered.
    return await Promise.all(others.map(async (tab) => (await shutdownAt(tab)) - start))
  } finally {
    await context.close()
  }
}

async function renewalsPerPeriod(browser: Browser, baseURL: string, count: number, path: string) {
  const { context, identityRequests } = await openTabs(browser, baseURL, count, path)
  try {
    // One period to settle after the last tab opened, then count.
    await new Promise((resolve) => setTimeout(resolve, periodMs))
    const before = identityRequests.length
    await new Promise((resolve) => setTimeout(resolve, countedPeriods * periodMs))
    // No tab boots in the counted window, so every identity request in it is a renewal.
    return (identityRequests.length - before) / countedPeriods
  } finally {
    await context.close()
  }
}

const [server, browser] = await Promise.all([
  startDemoServer({ tokenTtlSeconds }),
  launchChromium(chromiumPath),
])
try {
  await signOutReach(browser, server.url) // warm-up: Chromium and the server's first requests
  const reach: number[] = []
  for (let run = 0; run < signOutRuns; run++)
    reach.push(...(await signOutReach(browser, server.url)))
  const ms = (value: number) => `${value.toFixed(1)} ms`
  console.log(
    `\nSign-out reach: shutdown in the signing-out tab -> shutdown in each other tab (${signOutRuns} runs x ${signOutTabs - 1} tabs, Chromium)`,
  )
  console.log(
    `  median ${ms(median(reach))}   max ${ms(Math.max(...reach))}   min ${ms(Math.min(...reach))}   (goal < 250 ms)`,
  )

  console.log(
    `\nIdentity renewal requests per period (${tokenTtlSeconds} s tokens renewed at half life, ${countedPeriods} periods counted)`,
  )
  console.log('  tabs   shareRenewal   each tab on its own   (goal 1)')
  for (const count of [1, 5, 10]) {
    const shared = await renewalsPerPeriod(browser, server.url, count, '/')
    const solo = await renewalsPerPeriod(browser, server.url, count, '/?solo')
    console.log(
      `  ${String(count).padStart(4)}   ${shared.toFixed(2).padStart(12)}   ${solo.toFixed(2).padStart(19)}`,
    )
  }
} finally {
  await Promise.all([browser.close(), server.close()])
}
