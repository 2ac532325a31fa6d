import { createMessenger, type Messenger } from '@verified-messenger/core'
import { pageViews } from '@verified-messenger/core/page-views'
import { installFakeMessenger } from '@verified-messenger/testing'
import { JSDOM } from 'jsdom'

// Page views against Intercom's update throttle (20 calls per 30 minutes, then dropped): a visitor
// navigates 200 routes in 10 minutes of fake time while the app changes two attributes now and then,
// then the page sits for 30 more minutes. Compared: calling update() on every route change (what a
// router effect does) and the page views feature, whose budget all update calls share. Runs in jsdom
// with the fake Messenger, which enforces the throttle; time is a fake clock, so this takes a second.
const ROUTES = 200
const SPAN = 10 * 60_000
const QUIET = 30 * 60_000
const WINDOW = 30 * 60_000

// A fake clock for Date.now and the timers the budget sets; nothing here waits for real time.
let now = Date.parse('2026-01-01T09:00:00Z')
let nextId = 0
const timers = new Map<number, { at: number; run: () => void }>()
Date.now = () => now
globalThis.setTimeout = ((run: () => void, ms = 0) => {
  timers.set(++nextId, { at: now + ms, run })
  return nextId
}) as unknown as typeof setTimeout
globalThis.clearTimeout = ((id: number) => void timers.delete(id)) as typeof clearTimeout
const advanceTo = (time: number) => {
  for (;;) {
    const due = [...timers]
      .filter(([, timer]) => timer.at <= time)
      .sort((a, b) => a[1].at - b[1].at)[0]
    if (!due) break
    timers.delete(due[0])
    now = due[1].at
    due[1].run()
  }
  now = time
}

interface Change {
  attribute: string
  value: string | number
}

async function run(strategy: 'every route' | 'pageViews') {
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    url: 'https://shop.example/',
  })
  const win = dom.window as unknown as Window & typeof globalThis
  Object.assign(globalThis, {
    window: win,
    document: win.document,
    location: win.location,
    history: win.history,
    addEventListener: win.addEventListener.bind(win),
    removeEventListener: win.removeEventListener.bind(win),
  })
  timers.clear()
  const start = now
  const fake = installFakeMessenger({ appId: 'bench', window: win, enforceIdentity: false })
  // Notes when each update reaches the widget, to find the busiest 30 minutes.
  const widget = (win as { Intercom?: (...args: unknown[]) => unknown }).Intercom
  const sentAt: number[] = []
  ;(win as { Intercom?: unknown }).Intercom = (...args: unknown[]) => {
    if (args[0] === 'update') sentAt.push(now)
    return widget?.(...args)
  }

  const messenger: Messenger = createMessenger({ appId: 'bench' })
  messenger.boot()
  await messenger.ready()
  const stop = strategy === 'pageViews' ? pageViews(messenger) : undefined

  const changes: Change[] = []
  for (let route = 1; route <= ROUTES; route++) {
    advanceTo(start + (route * SPAN) / ROUTES)
    history.pushState(null, '', `/products/${route}`)
    if (strategy === 'every route') messenger.update()
    const change =
      route % 10 === 0
        ? { attribute: 'last_section', value: `section-${route / 10}` }
        : route % 25 === 0
          ? { attribute: 'cart_items', value: route / 25 }
          : undefined
    if (change) {
      changes.push(change)
      messenger.update({ customAttributes: { [change.attribute]: change.value } })
    }
  }
  advanceTo(start + SPAN + QUIET)
  stop?.()

  const updates = fake.calls.filter(([method]) => method === 'update')
  const droppedSettings = new Set(fake.dropped.map(([, settings]) => settings))
  const delivered = updates.filter(([, settings]) => !droppedSettings.has(settings))
  const arrived = (change: Change) =>
    delivered.some(
      ([, settings]) =>
        (settings as Record<string, unknown> | undefined)?.[change.attribute] === change.value,
    )
  // A change is lost when Intercom never received it nor any later value of the same attribute.
  const lost = changes.filter(
    (change, index) =>
      !changes.slice(index).some((later) => later.attribute === change.attribute && arrived(later)),
  ).length
  const busiest = Math.max(
    ...sentAt.map((at) => sentAt.filter((t) => t >= at && t < at + WINDOW).length),
  )
  return {
    strategy,
    'update calls sent': updates.length,
    'most in any 30 min (goal <= 20)': busiest,
    "dropped by Intercom's throttle": fake.dropped.length,
    'attribute changes made': changes.length,
    'attribute changes lost (goal 0)': lost,
  }
}

const results = [await run('every route'), await run('pageViews')]
console.log(
  `Page views: ${ROUTES} routes in ${SPAN / 60_000} minutes of fake time, then ${QUIET / 60_000} quiet minutes (Intercom allows 20 updates per 30 minutes)`,
)
console.table(results)
