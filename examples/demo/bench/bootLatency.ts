import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { findChromium } from '../e2e/findChromium'
import { launchChromium } from '../e2e/launchChromium'
import { type DemoServerOptions, startDemoServer } from '../server/startDemoServer'
import { median } from './median'
import { summarizeTrace } from './traceSummary'

// Boot latency: the time from the consent click (user already signed in) to the `boot` call reaching
// the Messenger, with a slow widget script and a slow identity endpoint. Loading the script and fetching
// the identity can overlap, so the floor is the slower of the two; doing them one after the other costs
// their sum. When the server signs the identity while rendering the page, there is no identity request,
// and the floor is the script alone.
const scriptDelayMs = 300
// `BENCH_TRACE=<folder> pnpm bench` also records a Chromium trace of one run per row there (open it in
// https://ui.perfetto.dev) and prints where the page's main thread spent that run.
const traceDir = process.env.BENCH_TRACE
const runs = 9

interface Scenario {
  name: string
  identityDelayMs: number
  renderIdentity: boolean
  /** No SDK: the click inserts the widget's script tag with a `boot` queued in the snippet's stub. */
  bare?: boolean
}

const scenarios: Scenario[] = [
  {
    name: 'no SDK: bare script tag (baseline)',
    identityDelayMs: 0,
    renderIdentity: true,
    bare: true,
  },
  { name: 'identity from the endpoint', identityDelayMs: 150, renderIdentity: false },
  { name: 'identity from the endpoint', identityDelayMs: 450, renderIdentity: false },
  { name: 'identity rendered by the server', identityDelayMs: 450, renderIdentity: true },
]

/**
 * The baseline's click: what the official snippet does, with no React state and no kernel in between. It
 * measures what this machine adds to the script's delay whatever the SDK does (the server, the browser).
 * Plain JavaScript text, for the reason given below.
 */
const insertBareScript = `
  const config = JSON.parse(document.getElementById('demo-config').textContent)
  const button = document.createElement('button')
  button.textContent = 'Load the widget'
  button.onclick = () => {
    performance.mark('consent-accepted')
    const q = []
    window.Intercom = Object.assign((...call) => q.push(call), { q })
    window.Intercom('boot', { app_id: config.appId })
    const script = document.createElement('script')
    script.async = true
    script.src = config.fakeBasePath + '/widget/' + config.appId
    document.head.appendChild(script)
  }
  document.body.append(button)
`

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
  // When the SDK inserts the widget's script tag.
  const append = Element.prototype.appendChild
  Element.prototype.appendChild = function (node) {
    if (node.tagName === 'SCRIPT' && /widget/.test(node.src)) window.__scriptInsertedAt ??= performance.now()
    return append.call(this, node)
  }
`

/**
 * Where one run's time went, in ms from the click: the SDK's share (click to the script tag), the
 * server's beyond its configured delay (the script's request to its last byte, less the delay), and the
 * browser running the script (last byte to the Messenger taking the boot).
 */
interface Run {
  total: number
  sdk: number
  server: number
  script: number
}

async function measureOnce(
  browser: Browser,
  baseURL: string,
  bare: boolean,
  trace?: string,
): Promise<Run> {
  // A fresh context each run: no cached script, no cookies, consent pending.
  const context = await browser.newContext({ baseURL })
  try {
    await context.request.post('/api/session', { data: { userId: 'user_ada' } })
    await context.addInitScript({ content: recordBootReached })
    const page = await context.newPage()
    await page.goto('/', { waitUntil: 'networkidle' })
    if (bare) await page.evaluate(insertBareScript)
    if (trace) await browser.startTracing(page, { path: trace })
    await page.getByRole('button', { name: bare ? 'Load the widget' : 'Accept' }).click()
    await page.waitForFunction(() => (window as { __bootReachedAt?: number }).__bootReachedAt)
    if (trace) await browser.stopTracing()
    const [clicked, inserted, requested, received, reached] = await page.evaluate(() => {
      const page = window as { __scriptInsertedAt?: number; __bootReachedAt?: number }
      const script = performance
        .getEntriesByType('resource')
        .find((entry) => entry.name.includes('/widget/')) as PerformanceResourceTiming
      const [accepted] = performance.getEntriesByName('consent-accepted')
      return [
        accepted?.startTime ?? Number.NaN,
        page.__scriptInsertedAt ?? Number.NaN,
        script.startTime,
        script.responseEnd,
        page.__bootReachedAt ?? Number.NaN,
      ]
    })
    return {
      total: reached - clicked,
      sdk: inserted - clicked,
      server: received - requested - scriptDelayMs,
      script: reached - received,
    }
  } finally {
    await context.close()
  }
}

/** The median of `runs` measurements (after a warm-up) against a demo server started with `options`. */
async function measure(
  browser: Browser,
  options: DemoServerOptions,
  bare: boolean,
  trace?: string,
) {
  const server = await startDemoServer(options)
  try {
    await measureOnce(browser, server.url, bare) // warm-up: Chromium and the server's first requests
    const samples: Run[] = []
    for (let run = 0; run < runs; run++) {
      // The last run is the traced one, when a trace is asked for.
      samples.push(
        await measureOnce(browser, server.url, bare, run === runs - 1 ? trace : undefined),
      )
    }
    const of = (key: keyof Run) => median(samples.map((sample) => sample[key]))
    const totals = samples.map((sample) => sample.total)
    return {
      middle: of('total'),
      min: Math.min(...totals),
      max: Math.max(...totals),
      sdk: of('sdk'),
      server: of('server'),
      script: of('script'),
    }
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
    '  identity                             identity delay   median  [min, max]          floor   median/floor  sequential  above baseline   SDK  server  script',
  )
  let baseline = Number.NaN
  const traces: string[] = []
  for (const [
    index,
    { name, identityDelayMs, renderIdentity, bare = false },
  ] of scenarios.entries()) {
    const trace = traceDir && join(traceDir, `boot-latency-${index}.json`)
    if (trace) traces.push(trace)
    const { middle, min, max, sdk, server, script } = await measure(
      browser,
      { scriptDelayMs, identityDelayMs, renderIdentity },
      bare,
      trace,
    )
    // Without an identity request the script alone is the floor; with one, the slower of the two.
    const floor = renderIdentity ? scriptDelayMs : Math.max(scriptDelayMs, identityDelayMs)
    if (bare) baseline = middle
    // What the SDK adds to what this machine needs anyway: the baseline, plus any wait for a slower identity.
    const above = bare ? '' : `+${ms(middle - baseline - (floor - scriptDelayMs)).trim()}`
    console.log(
      `  ${name.padEnd(36)} ${ms(identityDelayMs).padStart(14)}  ${ms(middle)}  [${ms(min)}, ${ms(max)}]  ${ms(floor)}  ${(middle / floor).toFixed(3).padStart(12)}  ${ms(scriptDelayMs + identityDelayMs)}  ${above.padStart(14)}  ${ms(sdk)} ${ms(server)} ${ms(script)}`,
    )
  }
  console.log(
    "  target: median/floor <= 1.100. above baseline = the median less the bare script tag's, less the wait for\n" +
      '  an identity slower than the script: what React and the SDK add on this machine.',
  )
  for (const [index, trace] of traces.entries()) {
    console.log(
      `\nChromium trace of one run of row ${index + 1} (${trace}):\n${summarizeTrace(trace)}`,
    )
  }
  console.log(
    '  where the time above the floor goes (medians): SDK = click to the script tag (React and the kernel);\n' +
      '  server = the demo server beyond its script delay; script = the browser running the fake Messenger\n' +
      '  after its last byte, until it takes the boot.',
  )
} finally {
  await browser.close()
}
