type Call = [method: string, ...args: unknown[]]
type Handler = (...args: unknown[]) => void

/** The page globals Intercom's snippet and widget use. */
export const page = globalThis as typeof globalThis & {
  Intercom?: ((...args: unknown[]) => unknown) & { q?: unknown[][] }
  intercomSettings?: Record<string, unknown>
}

const widgetScripts = () => [
  ...document.querySelectorAll<HTMLScriptElement>('script[src*="/widget/"]'),
]

/**
 * A recorder standing in for Intercom's widget script. When the loader adds the script tag it "arrives"
 * (a microtask later, as a cached script would): it takes over `window.Intercom`, runs the calls the
 * loader's stub queued and fires the tag's `load`. Like Intercom, it forgets its `on*` handlers on
 * `shutdown`. With `blocked` the script fails instead (an ad blocker, a CSP). Stop it with `dispose()`.
 */
export function fakeIntercom({ blocked = false } = {}) {
  const recorded: Call[] = []
  const handlers = new Map<string, Handler>()
  let loaded = false
  const fire = (event: string, ...args: unknown[]) => handlers.get(event)?.(...args)

  const widget = (...call: unknown[]) => {
    const [method, ...args] = call as Call
    recorded.push([method, ...args])
    if (method.startsWith('on')) handlers.set(method, args[0] as Handler)
    if (method === 'shutdown') handlers.clear()
    if (method === 'show') fire('onShow')
    if (method === 'hide') fire('onHide')
    if (method === 'getVisitorId') return 'visitor-1'
  }

  const load = () => {
    if (loaded || widgetScripts().length === 0) return
    if (blocked) {
      for (const script of widgetScripts()) script.dispatchEvent(new Event('error'))
      return
    }
    loaded = true
    const queued = page.Intercom?.q ?? []
    page.Intercom = widget
    for (const args of queued) widget(...(args as Call))
    for (const script of widgetScripts()) script.dispatchEvent(new Event('load'))
  }
  const observer = new MutationObserver(load)
  observer.observe(document, { childList: true, subtree: true })

  /** Every call Intercom received: queued in the loader's stub, or run by the loaded widget. */
  const calls = (): Call[] =>
    loaded ? recorded : Array.from(page.Intercom?.q ?? [], (args) => Array.from(args) as Call)

  return {
    calls,
    /** The arguments of each call to `method`, in order. */
    callsTo: (method: string) =>
      calls().flatMap(([name, ...args]) => (name === method ? [args] : [])),
    /** The widget script tags on the page. */
    scripts: widgetScripts,
    /** Intercom raised `event` (the visitor opened the Messenger, a message arrived...). */
    emit: fire,
    dispose: () => observer.disconnect(),
  }
}

export type FakeIntercom = ReturnType<typeof fakeIntercom>
