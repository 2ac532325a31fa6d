import { fail } from './MessengerError'

/** The page globals the Intercom widget reads and writes. */
export interface IntercomWindow {
  Intercom?: ((...args: unknown[]) => unknown) & { q?: unknown[][] }
  intercomSettings?: Record<string, unknown>
}

/** What the loader needs from `MessengerOptions`. */
export interface LoadOptions {
  cspNonce?: string
  crossOrigin?: string
}

// Per script tag this loader added and is still loading, so every caller on the page waits on the same load.
const loads = new WeakMap<Element, Promise<void>>()

const scriptsFor = (src: string) =>
  [...document.scripts].filter((script) => script.getAttribute('src') === src)

/**
 * Loads the Intercom widget once per page. Returns `undefined` when Intercom can take calls now (already on
 * the page: the official snippet, a loaded script, or a test's mock), else a promise that settles when it
 * can; then it has installed the snippet's queueing stub and one script tag, and on failure removes both
 * so a later call can try again.
 */
export const loadIntercom = (
  src: string,
  { cspNonce, crossOrigin }: LoadOptions,
): Promise<void> | undefined => {
  const w = window as IntercomWindow
  const [existing] = scriptsFor(src)
  const installed = typeof w.Intercom === 'function'
  // The official snippet's stub: calls wait in `Intercom.q` and the widget replays them when it runs.
  const q: unknown[][] = []
  const stub = Object.assign((...args: unknown[]) => void q.push(args), { q })
  if (!installed) w.Intercom = stub
  // A tag someone else added (the snippet, server-rendered HTML) is trusted to load; its calls wait in the stub.
  if (existing || installed) return existing && loads.get(existing)
  const script = document.createElement('script')
  script.async = true
  script.src = src
  if (cspNonce) script.nonce = cspNonce
  if (crossOrigin) script.crossOrigin = crossOrigin
  const load = new Promise<void>((resolve, reject) => {
    script.onload = () => {
      loads.delete(script)
      resolve()
    }
    script.onerror = () => {
      script.remove()
      if (w.Intercom === stub) delete w.Intercom
      reject(fail('SCRIPT_LOAD_FAILED', src))
    }
  })
  loads.set(script, load)
  document.head.appendChild(script)
  return load
}

/** Removes the `Intercom` global and this widget's script tag, so the next load starts afresh. */
export const unloadIntercom = (src: string): void => {
  delete (window as IntercomWindow).Intercom
  for (const script of scriptsFor(src)) script.remove()
}
