import type { MessengerError } from './MessengerError'
import type { PrefetchedIdentity } from './prefetchIdentity'
import type { BootSettings, Consent, Messenger } from './types'

/** When the launcher loads the Messenger. */
export type LauncherIntent = 'click' | 'hover' | 'idle'

export interface LauncherOptions {
  /** What to boot with (`userId`, `actionColor`, `alignment`, paddings, ...); a function is read at intent time. */
  settings?: BootSettings | (() => BootSettings | undefined)
  /**
   * `'click'` (default): load and boot on the first click and open the Messenger once booted.
   * `'hover'`: as `'click'`, and a pointer over or focus on the launcher already downloads the script and
   * (with `identity`) requests the identity. `'idle'`: boot once the page is idle, except on Save-Data
   * or a 2G/3G connection, where it waits for the click.
   */
  intent?: LauncherIntent
  /** The Messenger's identity source, made with `prefetchIdentity`, so a warm-up can request it early. */
  identity?: PrefetchedIdentity
  /** An unread count the app knows, shown as a badge until the real launcher takes over. */
  unreadCount?: number
  /** The button's accessible name; default `'Open Intercom Messenger'`. */
  label?: string
  /** What the button says after a failed load; default `'The chat could not load. Try again?'`. */
  failedLabel?: string
  /** A click while consent is `'pending'` or `'denied'`: nothing loads, the app decides (show its banner). */
  onConsentRequired?: (consent: Exclude<Consent, 'granted'>) => void
  /** The script or the identity failed, so the Messenger did not boot; the launcher says so, and a click retries. */
  onLoadFailed?: (error: MessengerError) => void
}

// Intercom's own launchers: the lightweight one it draws first, and the frame that replaces it.
const REAL = '.intercom-lightweight-app-launcher,.intercom-launcher-frame'

// Intercom's geometry (a 48 px circle 20 px from the corner, its shadow), one z-index below its
// launcher so the real one covers ours the moment it is drawn. Inline styles through the CSSOM, which
// a Content-Security-Policy allows, and the browser's own focus ring.
const LOOK =
  'position:fixed;z-index:2147483002;display:grid;place-items:center;width:48px;height:48px;padding:0;border:0;border-radius:50%;color:#fff;cursor:pointer;box-shadow:0 1px 6px #0000000f,0 2px 32px #00000029;font:600 12px/20px system-ui,sans-serif;'
const ICON =
  '<svg viewBox="0 0 24 24" width="24" height="24"><path fill="currentColor" d="M4 4h16v11H9l-5 4z"/></svg>'
// The unread badge, and the message over a failed launcher.
const NOTE = 'position:absolute;padding:0 6px;border-radius:10px;white-space:nowrap;'

const noop = () => {}

/**
 * Draws a launcher that looks like Intercom's, without loading anything from Intercom, and loads the
 * Messenger on intent: the first click downloads the script and requests the identity side by side,
 * boots verified and opens the Messenger once booted. The real launcher then replaces it in place.
 * While consent is pending or denied it loads nothing and hands clicks to `onConsentRequired`. With
 * `hideDefaultLauncher` it draws nothing, and elements matching `customLauncherSelector` load on
 * intent. Returns the function that removes it.
 * @example
 * const messenger = createMessenger({ appId: 'abc123', identity: '/api/intercom/identity' })
 * const detach = createLauncher(messenger, {
 *   settings: { userId: user.id, actionColor: '#0071b2' },
 *   onConsentRequired: () => banner.open(),
 * })
 */
export const createLauncher = (
  messenger: Messenger,
  options: LauncherOptions = {},
): (() => void) => {
  if (typeof document === 'undefined') return noop
  const {
    intent = 'click',
    identity,
    unreadCount = 0,
    label = 'Open Intercom Messenger',
    failedLabel = 'The chat could not load. Try again?',
  } = options
  const settings = () =>
    typeof options.settings === 'function' ? options.settings() : options.settings
  const initial = settings() ?? {}
  const state = messenger.getSnapshot
  const cleanups: (() => void)[] = []
  const listen = (target: EventTarget, type: string, listener: (event: Event) => void) => {
    target.addEventListener(type, listener)
    cleanups.push(() => target.removeEventListener(type, listener))
  }
  let attached = true
  // The kernel's extension point lends the launcher a way to download the script before the boot.
  let preload = noop
  cleanups.push(
    messenger.extend((host) => {
      preload = host.load
    }),
  )

  // `load` boots (and `open` opens once booted); without it, only the script and identity are fetched.
  const act = (load: boolean, open?: boolean) => {
    const { consent, status } = state()
    if (!attached) return
    if (consent !== 'granted') {
      if (open) options.onConsentRequired?.(consent)
      return
    }
    const wanted = settings()
    if (!load) {
      identity?.prefetch(wanted?.userId)
      return preload()
    }
    // Failures reach the snapshot, which the launcher shows; nobody awaits this promise.
    if (status !== 'booted') messenger.boot(wanted).catch(noop)
    if (open) messenger.show()
  }
  const warm = () => intent === 'hover' && act(false)

  // Custom launchers are the app's elements: until Intercom boots and binds them, intent reaches us.
  const custom = initial.customLauncherSelector
  if (custom) {
    const on = (type: string, run: () => void) =>
      listen(document, type, (event) => {
        if (state().status !== 'booted' && (event.target as Element).closest?.(custom)) run()
      })
    on('click', () => act(true, true))
    on('pointerover', warm)
    on('focusin', warm)
  }

  if (intent === 'idle') {
    const connection = (
      navigator as { connection?: { saveData?: boolean; effectiveType?: string } }
    ).connection
    const whenIdle = () => (window.requestIdleCallback ?? setTimeout)(() => act(true))
    if (!connection?.saveData && !/[23]g/.test(connection?.effectiveType ?? '')) {
      if (document.readyState === 'complete') whenIdle()
      else listen(window, 'load', whenIdle)
    }
  }

  let render = noop
  if (!initial.hideDefaultLauncher) {
    const button = document.createElement('button')
    const side = initial.alignment === 'left' ? 'left' : 'right'
    button.type = 'button'
    button.style.cssText = `${LOOK}bottom:${initial.verticalPadding ?? 20}px;${side}:${initial.horizontalPadding ?? 20}px;background:${initial.actionColor ?? '#0071b2'}`
    const named = unreadCount ? `${label}, ${unreadCount} unread` : label
    listen(button, 'click', () => act(true, true))
    listen(button, 'pointerenter', warm)
    listen(button, 'focus', warm)
    const remove = () => button.remove()
    // Set from the boot until the status leaves 'booted': the handover is under way or done.
    let timer: ReturnType<typeof setTimeout> | undefined
    // Ours stays until Intercom has drawn its launcher over it, then a moment longer, so the real
    // launcher's fade-in shows ours beneath rather than the page; at most 10 s if Intercom draws none.
    const handOver = (tries: number) => {
      timer =
        tries > 100 || document.querySelector(REAL)?.getClientRects().length
          ? setTimeout(remove, 500)
          : setTimeout(handOver, 100, tries + 1)
    }
    cleanups.push(() => clearTimeout(timer), remove)

    let pulse: Animation | undefined
    render = () => {
      const { status } = state()
      if (status === 'booted') return void (timer ?? handOver(0))
      clearTimeout(timer)
      timer = undefined
      const failed = status === 'error'
      const busy = status === 'loading' || status === 'identifying'
      button.setAttribute('aria-busy', String(busy))
      button.setAttribute('aria-label', failed ? failedLabel : named)
      button.innerHTML = ICON
      const text = failed ? failedLabel : unreadCount
      if (text) {
        const note = button.appendChild(document.createElement('span'))
        note.textContent = String(text)
        note.style.cssText =
          NOTE +
          (failed
            ? `bottom:56px;${side}:0;background:#fff;color:#82071e;box-shadow:0 2px 8px #0003`
            : `bottom:32px;${side === 'left' ? 'right' : 'left'}:32px;background:#d1242f`)
      }
      // Loading pulses the launcher; WAAPI, so no stylesheet is needed.
      pulse?.cancel()
      pulse = busy
        ? button.animate?.(
            { opacity: [1, 0.5] },
            { duration: 600, iterations: Infinity, direction: 'alternate' },
          )
        : undefined
      if (!button.isConnected) document.body.append(button)
    }
  }

  let reported = state().error
  const update = () => {
    const { status, error } = state()
    if (status === 'error' && error && error !== reported) options.onLoadFailed?.(error)
    reported = error
    render()
  }
  update()
  cleanups.push(messenger.subscribe(update))
  return () => {
    attached = false
    for (const cleanup of cleanups.splice(0)) cleanup()
  }
}
