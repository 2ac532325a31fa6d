import { spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import lighthouse from 'lighthouse'
import { type BrowserContext, chromium, type Request } from 'playwright-core'
import { findChromium } from '../e2e/findChromium'
import { chromiumFlags, launchChromium } from '../e2e/launchChromium'
import { type DemoServer, startDemoServer } from '../server/startDemoServer'
import { median } from './median'

// The click-to-load launcher against the plain provider, on the demo page, side by side in one run:
// what reaches the widget host before the visitor interacts, Lighthouse's view of the page, how long
// one click takes to open a verified Messenger against the floor, and the launcher's own size.
// The visitor is signed in (Ada) and accepted the chat on an earlier visit.
const scriptDelayMs = 300
const identityDelayMs = 150
const runs = 7
// How long a person holds the button down in a click (about 100 ms is typical).
const pressMs = 100
const lighthouseRuns = 3
const pages = { plain: '/', launcher: '/?launcher' } as const

const chromiumPath = findChromium()
if (!chromiumPath) {
  console.error(
    '[verified-messenger/demo] No Chromium for the benchmark: run `apt-get install -y chromium`.',
  )
  process.exit(1)
}

const signInAndAccept = async (context: BrowserContext, baseURL: string) => {
  await context.request.post(`${baseURL}/api/session`, { data: { userId: 'user_ada' } })
  await context.addInitScript(() => localStorage.setItem('demo-consent', 'granted'))
}

const widgetHost = (request: Request) =>
  new URL(request.url()).pathname.startsWith('/fake-intercom/')

/** Requests and bytes (headers and bodies) to the widget host from load until the page is quiet. */
async function beforeInteraction(path: string, server: DemoServer) {
  const browser = await launchChromium(chromiumPath as string)
  try {
    const context = await browser.newContext({ baseURL: server.url })
    await signInAndAccept(context, server.url)
    const page = await context.newPage()
    const requests: Request[] = []
    page.on('requestfinished', (request) => widgetHost(request) && requests.push(request))
    await page.goto(path, { waitUntil: 'networkidle' })
    // Anything that waits for the page to settle (idle callbacks, a ping after boot) gets its chance.
    await page.waitForTimeout(2000)
    let bytes = 0
    for (const request of requests) {
      const sizes = await request.sizes()
      bytes += sizes.responseBodySize + sizes.responseHeadersSize
    }
    return { requests: requests.length, bytes }
  } finally {
    await browser.close()
  }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })

/** One Lighthouse 12 performance run (its default mobile throttling) in a fresh Chromium profile. */
async function lighthouseRun(path: string, server: DemoServer) {
  const port = await freePort()
  const profile = await mkdtemp(join(tmpdir(), 'verified-messenger-lighthouse-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args: [...chromiumFlags, `--remote-debugging-port=${port}`],
  })
  try {
    await signInAndAccept(context, server.url)
    // Sets the consent in this profile's storage, which Lighthouse is told to keep.
    const page = await context.newPage()
    await page.goto(`${server.url}/api/me`)
    await page.evaluate(() => localStorage.setItem('demo-consent', 'granted'))
    await page.close()
    const result = await lighthouse(`${server.url}${path}`, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      disableStorageReset: true,
    })
    const lhr = result?.lhr
    if (!lhr) throw new Error('[verified-messenger/demo] Lighthouse returned no report.')
    const facades = lhr.audits['third-party-facades']
    return {
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      tbt: lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN,
      facades: facades
        ? `${facades.scoreDisplayMode}${facades.displayValue ? ` (${facades.displayValue})` : ''}`
        : 'missing',
    }
  } finally {
    await context.close()
    await rm(profile, { recursive: true, force: true })
  }
}

/**
 * Runs in the page: notes when the visitor presses and clicks the launcher, when the SDK inserts the widget's
 * script tag, when a `boot` reaches the fake Messenger
 * (a boot queued in the loader's stub reaches it when its script installs) and when it opens.
 * Plain JavaScript text, because tsx rewrites TypeScript functions with helpers the page lacks.
 */
const recordClickToOpen = `
  let handle
  const isBoot = (call) => call[0] === 'boot'
  document.addEventListener('pointerdown', (event) => { window.__pressedAt ??= event.timeStamp }, true)
  document.addEventListener('click', (event) => { window.__clickedAt ??= event.timeStamp }, true)
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
      value.subscribe(() => {
        if (value.state.isOpen) window.__openedAt ??= performance.now()
      })
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
 * From the click on the launcher: when the Messenger opened, verified, and when the slower of the
 * widget script and the identity response had arrived (Resource Timing), the floor of this run.
 * `'hover'` hovers first, so both may have arrived before the click; `'hold'` holds the button down
 * for `pressMs` before releasing it, as people do (Playwright's own click releases at once).
 */
async function clickToOpen(server: DemoServer, path: string, how?: 'hover' | 'hold') {
  const browser = await launchChromium(chromiumPath as string)
  try {
    const context = await browser.newContext({ baseURL: server.url })
    await signInAndAccept(context, server.url)
    await context.addInitScript({ content: recordClickToOpen })
    const page = await context.newPage()
    await page.goto(path, { waitUntil: 'networkidle' })
    const launcher = page.getByRole('button', { name: 'Open Intercom Messenger' })
    if (how === 'hover') {
      await launcher.hover()
      await page.waitForTimeout(scriptDelayMs + identityDelayMs + 200)
    }
    if (how === 'hold') {
      await launcher.hover()
      await page.mouse.down()
      await page.waitForTimeout(pressMs)
      await page.mouse.up()
    } else await launcher.click()
    const opened = await page.waitForFunction((scriptDelay) => {
      const w = window as unknown as {
        __clickedAt?: number
        __openedAt?: number
        __fakeIntercom?: { state: { verified: boolean } }
      }
      if (w.__openedAt === undefined || w.__clickedAt === undefined) return undefined
      if (!w.__fakeIntercom?.state.verified) return undefined
      const clicked = w.__clickedAt
      // The requests this click made, the earliest from the press that started it.
      const pressed = (w as unknown as { __pressedAt?: number }).__pressedAt ?? clicked
      const { __bootReachedAt: booted = Number.NaN, __scriptInsertedAt: inserted = Number.NaN } =
        w as unknown as { __bootReachedAt?: number; __scriptInsertedAt?: number }
      // No named functions in here: tsx would wrap them in a helper the page lacks.
      const [script, identity, ping] = [
        /\/widget\//,
        /\/api\/intercom\/identity/,
        /\/messenger\/web\/ping/,
      ].map(
        (pattern) =>
          performance
            .getEntriesByType('resource')
            .filter(({ name }) => pattern.test(name))
            .map((entry) => entry as PerformanceResourceTiming)
            .filter(({ startTime }) => startTime >= pressed)
            .sort((a, b) => a.startTime - b.startTime)[0],
      )
      const [scriptAt, identityAt] = [script, identity].map((entry) =>
        entry ? [entry.startTime - clicked, entry.responseEnd - clicked] : [Number.NaN, Number.NaN],
      ) as [number[], number[]]
      // [requested, arrived] in ms from the click.
      const floor = Math.max(scriptAt[1] ?? Number.NaN, identityAt[1] ?? Number.NaN)
      const answered = (ping?.responseEnd ?? Number.NaN) - clicked
      return {
        open: w.__openedAt - clicked,
        floor,
        // The Messenger's own check of the boot, which can only start once its script runs.
        ping: answered,
        // Where the time goes: click to each request, then the browser after the floor, the ping, the open.
        scriptTag: inserted - clicked,
        scriptAsked: scriptAt[0] ?? Number.NaN,
        identityAsked: identityAt[0] ?? Number.NaN,
        scriptServer: (scriptAt[1] ?? Number.NaN) - (scriptAt[0] ?? Number.NaN) - scriptDelay,
        bootReached: booted - clicked - floor,
        pingTrip: answered - (booted - clicked),
        opened: w.__openedAt - clicked - answered,
      }
    }, scriptDelayMs)
    return (await opened.jsonValue()) as Record<
      | 'open'
      | 'floor'
      | 'ping'
      | 'scriptTag'
      | 'scriptAsked'
      | 'identityAsked'
      | 'scriptServer'
      | 'bootReached'
      | 'pingTrip'
      | 'opened',
      number
    >
  } finally {
    await browser.close()
  }
}

/**
 * The launcher entries' min + gzip sizes as `pnpm size` measures them (each with the base import it
 * needs), and what each adds to an app that already has that base: the entry less the base's own entry.
 */
function launcherSizes() {
  const root = fileURLToPath(new URL('../../..', import.meta.url))
  // Read whether or not a budget is exceeded (then size-limit exits 1).
  const { stdout } = spawnSync('pnpm', ['exec', 'size-limit', '--json'], { cwd: root })
  const entries = JSON.parse(stdout.toString()) as { name: string; size: number }[]
  const size = (name: string) => entries.find((entry) => entry.name === name)?.size ?? Number.NaN
  const bases = {
    core: size('@verified-messenger/core (everything)'),
    react: size('@verified-messenger/react { IntercomProvider, useIntercom } with core'),
  }
  return entries
    .filter(({ name }) => name.includes('launcher'))
    .map(({ name, size }) => ({
      name,
      size,
      added: size - (name.includes('/react/') ? bases.react : bases.core),
    }))
}

/** What the page costs before the visitor interacts: widget-host traffic and Lighthouse, plain vs launcher. */
async function pageBeforeInteraction() {
  const plain = await beforeInteraction(pages.plain, quiet)
  const facade = await beforeInteraction(pages.launcher, quiet)
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`
  console.log('\nBefore interaction: requests and bytes to the widget host (signed in, consented)')
  console.log(`  plain provider   ${plain.requests} requests, ${kb(plain.bytes)}`)
  console.log(`  launcher         ${facade.requests} requests, ${kb(facade.bytes)}   (goal 0)`)

  // Interleaved and taken as medians: a shared machine makes single Lighthouse runs noisy.
  const audits: Record<keyof typeof pages, Awaited<ReturnType<typeof lighthouseRun>>[]> = {
    plain: [],
    launcher: [],
  }
  for (let run = 0; run < lighthouseRuns; run++) {
    for (const name of ['plain', 'launcher'] as const) {
      audits[name].push(await lighthouseRun(pages[name], quiet))
    }
  }
  console.log(
    `\nLighthouse 12 (performance, default mobile throttling; median of ${lighthouseRuns} runs each)`,
  )
  console.log('                   score   total blocking time   third-party-facades audit')
  for (const name of ['plain', 'launcher'] as const) {
    const results = audits[name]
    const label = name === 'plain' ? 'plain provider' : 'launcher      '
    const score = median(results.map(({ score }) => score))
    const tbt = median(results.map(({ tbt }) => tbt))
    const facades = [...new Set(results.map(({ facades }) => facades))].join(', ')
    console.log(
      `  ${label}   ${String(score).padStart(5)}   ${`${tbt.toFixed(0)} ms`.padStart(19)}   ${facades}`,
    )
  }
}

const quiet = await startDemoServer()
const slow = await startDemoServer({ scriptDelayMs, identityDelayMs })
// `--click-only`: only click to open and the sizes, for iterating on the launcher's latency.
const clickOnly = process.argv.includes('--click-only')
try {
  if (!clickOnly) await pageBeforeInteraction()

  await clickToOpen(slow, pages.launcher) // warm-up: Chromium and the server's first requests
  const cold: Awaited<ReturnType<typeof clickToOpen>>[] = []
  const warm: number[] = []
  const held: Awaited<ReturnType<typeof clickToOpen>>[] = []
  for (let run = 0; run < runs; run++) {
    cold.push(await clickToOpen(slow, pages.launcher))
    warm.push((await clickToOpen(slow, `${pages.launcher}=hover`, 'hover')).open)
    held.push(await clickToOpen(slow, pages.launcher, 'hold'))
  }
  const opens = cold.map(({ open }) => open)
  const floors = cold.map(({ floor }) => floor)
  const nominal = Math.max(scriptDelayMs, identityDelayMs)
  const ms = (value: number) => `${value.toFixed(1)} ms`
  const spread = (values: number[]) =>
    `${ms(median(values))}   [min ${ms(Math.min(...values))}, max ${ms(Math.max(...values))}]`
  console.log(
    `\nClick to a verified Messenger open (${runs} runs, script held ${scriptDelayMs} ms, identity ${identityDelayMs} ms)`,
  )
  console.log(`  click to open             ${spread(opens)}`)
  console.log(
    `  floor, as served          ${spread(floors)}   (slower of script and identity to arrive)`,
  )
  console.log(`  floor, nominal            ${ms(nominal)}`)
  console.log(
    `  open / floor as served    ${median(cold.map(({ open, floor }) => open / floor)).toFixed(3)}   (median of runs; goal <= 1.100)`,
  )
  console.log(`  open / nominal floor      ${(median(opens) / nominal).toFixed(3)}`)
  console.log(
    `  Messenger's ping answered ${spread(cold.map(({ ping }) => ping))}   (after its script ran; Intercom pings too)`,
  )
  console.log(`  hover, then click         ${spread(warm)}`)
  console.log(
    `  pressed ${pressMs} ms, released ${spread(held.map(({ open }) => open))}   (from the click; the floor then ${ms(median(held.map(({ floor }) => floor)))})`,
  )
  const step = (key: keyof (typeof cold)[number]) => ms(median(cold.map((run) => run[key])))
  console.log(
    '  where the time goes (medians, ms): click to the script tag (the SDK), to the script request and\n' +
      '  to the identity request; the demo server beyond its script delay; the floor to the boot reaching\n' +
      '  the Messenger (its script running); the boot to its ping answered; the ping answered to open',
  )
  console.log(
    `    script tag ${step('scriptTag')}, script asked ${step('scriptAsked')}, identity asked ${step('identityAsked')}, server +${step('scriptServer')}, boot reached +${step('bootReached')}, ping +${step('pingTrip')}, open +${step('opened')}`,
  )

  console.log(
    '\nLauncher size (min + gzip, as `pnpm size` measures it with the base import; added = less the base)',
  )
  for (const { name, size, added } of launcherSizes()) {
    console.log(
      `  ${name}   ${(size / 1000).toFixed(2)} kB, added ${(added / 1000).toFixed(2)} kB   (goal <= 1.00 kB)`,
    )
  }
} finally {
  await Promise.all([quiet.close(), slow.close()])
}
