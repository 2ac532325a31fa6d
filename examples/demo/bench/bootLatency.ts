import type { Browser } from 'playwright-core'
import { findChromium } from '../e2e/findChromium'
import { launchChromium } from '../e2e/launchChromium'
import { startDemoServer } from '../server/startDemoServer'
import { median } from './median'

// Boot latency: the time from the consent click (user already signed in) to the `boot` call reaching
// the Messenger, with a slow widget script and a slow identity endpoint. Loading the script and fetching
// the identity can overlap, so the floor is the slower of the two; doing them one after the other costs
// their sum.
const scriptDelayMs = 300
const identityDelayMs = 150
const runs = 9

const chromiumPath = findChromium()
if (!chromiumPath) {
  console.error(
    '[verified-messenger/demo] No Chromium for the benchmark: run `apt-get install -y chromium`.',
  )
  process.exit(1)
}

/**
 * Runs in the page before its own scripts: notes when the fake Messenger's script installs itself and
 * when it records a `boot`. A boot queued in the loader's stub reaches the Messenger when the script
 * drains the queue, that is when it installs. Plain JavaScript text, because tsx rewrites the source of
 * TypeScript functions with helpers that do not exist in the page.
 */
const recordBootReached = `
  let handle
  const isBoot = (call) => call[0] === 'boot'
  Object.defineProperty(window, '__fakeIntercom', {
    configurable: true,
    get: () => handle,
    set(value) {
      handle = value
      if (value.calls.some(isBoot)) window.__bootReachedAt ??= performance.now()
      const push = value.calls.push.bind(value.calls)
      value.calls.push = (...calls) => {
        if (calls.some(isBoot)) window.__bootReachedAt ??= performance.now()
        return push(...calls)
      }
    },
  })
`

async function measureOnce(browser: Browser, baseURL: string): Promise<number> {
  // A fresh context each run: no cached script, no cookies, consent pending.
  const context = await browser.newContext({ baseURL })
  try {
    await context.request.post('/api/session', { data: { userId: 'user_ada' } })
    await context.addInitScript({ content: recordBootReached })
    const page = await context.newPage()
    await page.goto('/', { waitUntil: 'networkidle' })
    await page.getByRole('button', { name: 'Accept' }).click()
    const reached = await page.waitForFunction(() => {
      const bootAt = (window as unknown as { __bootReachedAt?: number }).__bootReachedAt
      const [accepted] = performance.getEntriesByName('consent-accepted')
      return bootAt !== undefined && accepted ? bootAt - accepted.startTime : undefined
    })
    return (await reached.jsonValue()) as number
  } finally {
    await context.close()
  }
}

const [server, browser] = await Promise.all([
  startDemoServer({ scriptDelayMs, identityDelayMs }),
  launchChromium(chromiumPath),
])
try {
  await measureOnce(browser, server.url) // warm-up: Chromium and the server's first requests
  const samples: number[] = []
  for (let run = 0; run < runs; run++) samples.push(await measureOnce(browser, server.url))

  const ours = median(samples)
  const floor = Math.max(scriptDelayMs, identityDelayMs)
  const sequential = scriptDelayMs + identityDelayMs
  const ms = (value: number) => `${value.toFixed(1)} ms`
  console.log(
    `\nBoot latency: consent click -> boot reaches the Messenger (${runs} runs, Chromium)`,
  )
  console.log(`  widget script delay   ${ms(scriptDelayMs)}`)
  console.log(`  identity delay        ${ms(identityDelayMs)}`)
  console.log(
    `  ours (median)         ${ms(ours)}   [min ${ms(Math.min(...samples))}, max ${ms(Math.max(...samples))}]`,
  )
  console.log(`  floor (slower of two) ${ms(floor)}`)
  console.log(`  sequential (sum)      ${ms(sequential)}`)
  console.log(`  ours / floor          ${(ours / floor).toFixed(3)}   (target <= 1.100)`)
} finally {
  await Promise.all([browser.close(), server.close()])
}
