import type { Browser } from 'playwright-core'
import { findChromium } from '../e2e/findChromium'
import { launchChromium } from '../e2e/launchChromium'
import { type DemoServerOptions, startDemoServer } from '../server/startDemoServer'
import { median } from './median'

// Boot latency: the time from the consent click (user already signed in) to the `boot` call reaching
// the Messenger, with a slow widget script and a slow identity endpoint. Loading the script and fetching
// the identity can overlap, so the floor is the slower of the two; doing them one after the other costs
// their sum. When the server signs the identity while rendering the page, there is no identity request,
// and the floor is the script alone.
const scriptDelayMs = 300
const runs = 9

interface Scenario {
  name: string
  identityDelayMs: number
  renderIdentity: boolean
}

const scenarios: Scenario[] = [
  { name: 'identity from the endpoint', identityDelayMs: 150, renderIdentity: false },
  { name: 'identity from the endpoint', identityDelayMs: 450, renderIdentity: false },
  { name: 'identity rendered by the server', identityDelayMs: 450, renderIdentity: true },
]

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

/** The median of `runs` measurements (after a warm-up) against a demo server started with `options`. */
async function measure(browser: Browser, options: DemoServerOptions) {
  const server = await startDemoServer(options)
  try {
    await measureOnce(browser, server.url) // warm-up: Chromium and the server's first requests
    const samples: number[] = []
    for (let run = 0; run < runs; run++) samples.push(await measureOnce(browser, server.url))
    return { middle: median(samples), min: Math.min(...samples), max: Math.max(...samples) }
  } finally {
    await server.close()
  }
}

const browser = await launchChromium(chromiumPath)
try {
  const ms = (value: number) => `${value.toFixed(0)} ms`.padStart(7)
  console.log(
    `\nBoot latency: consent click -> boot reaches the Messenger (median of ${runs} runs, Chromium; script ${scriptDelayMs} ms)`,
  )
  console.log(
    '  identity                          identity delay   median  [min, max]          floor   median/floor  sequential',
  )
  for (const { name, identityDelayMs, renderIdentity } of scenarios) {
    const { middle, min, max } = await measure(browser, {
      scriptDelayMs,
      identityDelayMs,
      renderIdentity,
    })
    // Without an identity request the script alone is the floor; with one, the slower of the two.
    const floor = renderIdentity ? scriptDelayMs : Math.max(scriptDelayMs, identityDelayMs)
    console.log(
      `  ${name.padEnd(33)} ${ms(identityDelayMs).padStart(14)}  ${ms(middle)}  [${ms(min)}, ${ms(max)}]  ${ms(floor)}  ${(middle / floor).toFixed(3).padStart(12)}  ${ms(scriptDelayMs + identityDelayMs)}`,
    )
  }
  console.log('  target: median/floor <= 1.100')
} finally {
  await browser.close()
}
