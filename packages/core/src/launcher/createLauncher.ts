import type { Messenger, MessengerStatus } from '../types'
import { iconOn } from './iconOn'
import type { Launcher, LauncherOptions } from './launcherOptions'

// Intercom's own launchers: the lightweight one it draws first, and the frame that replaces it.
const REAL = '.intercom-lightweight-app-launcher,.intercom-launcher-frame'
// Intercom's open Messenger, which takes the focus from a launcher that leaves while it has it.
const OPEN = '[name=intercom-messenger-frame]'

// Intercom's geometry (a 48 px circle 20 px from the corner, its shadow), one z-index below its
// launcher so the real one covers ours the moment it is drawn. Inline styles through the CSSOM, which
// a Content-Security-Policy allows, and the browser's own focus ring.
const LOOK =
  'position:fixed;z-index:2147483002;display:grid;place-items:center;width:48px;height:48px;padding:0;border:0;border-radius:50%;cursor:pointer;box-shadow:0 1px 6px #0000000f,0 2px 32px #00000029;font:600 12px/20px system-ui;'
// Parsed as HTML, so unquoted attributes; the chat bubble in the path's shortest form.
const ICON =
  '<svg aria-hidden=true width=24 height=24 viewBox="0 0 24 24" fill=currentColor><path d="M4 4h16v11H9l-5 4z"/></svg>'
// The unread badge at the corner, or the message over a failed launcher: white on red, 4.9:1.
const NOTE =
  'position:absolute;padding:0 6px;border-radius:10px;white-space:nowrap;background:#d1242f;color:#fff;'
// The polite live region: read by screen readers, drawn nowhere.
const UNSEEN = 'position:fixed;clip-path:inset(50%)'

const noop = () => {}
// Loading or identifying: a boot is on its way.
const busy = (status: MessengerStatus) => /ing$/.test(status)

/**
 * Draws a launcher that looks like Intercom's, without loading anything from Intercom, and loads the
 * Messenger on intent: the press that starts the first click downloads the script and requests the
 * identity side by side and boots verified, and the click opens the Messenger once booted. The real launcher then replaces it in place, and
 * focus moves with it: into the open Messenger, or to the real launcher. While consent is pending or
 * denied it loads nothing and hands clicks to `onConsentRequired`. With `hideDefaultLauncher` it draws
 * nothing, and elements matching `customLauncherSelector` load on intent. The unread count and a
 * failure are announced in a polite live region. Returns the function that removes it, whose
 * `update(options)` redraws it in place.
 * @example
 * const messenger = createMessenger({ appId: 'abc123', identity: '/api/intercom/identity' })
 * const launcher = createLauncher(messenger, {
 *   settings: { userId: user.id, actionColor: '#0071b2' },
 *   onConsentRequired: () => banner.open(),
 * })
 * launcher.update({ settings: { userId: user.id }, unreadCount: 2 }) // redraws in place
 * launcher() // removes it
 */
export const createLauncher = (messenger: Messenger, initial: LauncherOptions = {}): Launcher => {
  let options = initial
  const state = messenger.getSnapshot
  const settings = () =>
    (typeof options.settings === 'function' ? options.settings() : options.settings) ?? {}
  const cleanups: (() => void)[] = []
  const listen = (target: EventTarget, type: string, listener: (event: Event) => void) => {
    target.addEventListener(type, listener)
    cleanups.push(() => target.removeEventListener(type, listener))
  }
  const detach = (() => {
    for (const cleanup of cleanups.splice(0)) cleanup()
  }) as Launcher
  detach.update = noop
  if (typeof document === 'undefined') return detach
  // The kernel's extension point lends the launcher a way to download the script before the boot.
  let preload = noop
  cleanups.push(
    messenger.extend((host) => {
      preload = host.load
    }),
  )

  // How far an intent goes: 1 downloads the script and requests the identity, 2 also boots, 3 also
  // opens the Messenger once booted.
  const act = (level: number) => {
    const { consent, status } = state()
    if (consent !== 'granted') return level > 2 && options.onConsentRequired?.(consent)
    const wanted = settings()
    // Not again while booted or on the way there.
    if (status !== 'booted' && !busy(status)) {
      // Both requests leave before the boot's state change redraws the page.
      preload()
      options.identity?.prefetch(wanted.userId)
      // Failures reach the snapshot, which the launcher shows; nobody awaits this promise.
      if (level > 1) messenger.boot(wanted).catch(noop)
    }
    if (level > 2) messenger.show()
  }
  // The press that starts a click boots already (the click then opens); with 'hover', a pointer over or
  // focus on the launcher warms up.
  const warm = (event: Event) => {
    if (event.type === 'pointerdown') (event as PointerEvent).button || act(2)
    else if (options.intent === 'hover') act(1)
  }

  // Custom launchers are the app's elements: until Intercom boots and binds them, intent reaches us.
  const custom = (run: (event: Event) => void) => (event: Event) => {
    const selector = settings().customLauncherSelector
    if (selector && state().status !== 'booted' && (event.target as Element).closest?.(selector))
      run(event)
  }
  listen(
    document,
    'click',
    custom(() => act(3)),
  )
  for (const type of ['pointerover', 'focusin', 'pointerdown']) listen(document, type, custom(warm))

  let idle = false
  const whenIdle = () => {
    const connection = (
      navigator as { connection?: { saveData?: boolean; effectiveType?: string } }
    ).connection
    // `test(undefined)` reads "undefined": no match.
    if (idle || options.intent !== 'idle' || connection?.saveData) return
    if (/[23]g/.test(connection?.effectiveType as string)) return
    idle = true
    const schedule = () => {
      const id = (window.requestIdleCallback ?? setTimeout)(() => act(2))
      cleanups.push(() => (window.cancelIdleCallback ?? clearTimeout)(id))
    }
    if (document.readyState === 'complete') schedule()
    else listen(window, 'load', schedule)
  }

  const button = document.createElement('button')
  button.type = 'button'
  button.setAttribute('aria-haspopup', 'dialog')
  // Drawn once: a press on the icon must still be a click on the button when the press redraws it.
  button.innerHTML = ICON
  const note = document.createElement('span')
  listen(button, 'click', () => act(3))
  for (const type of ['pointerenter', 'focus', 'pointerdown']) listen(button, type, warm)
  const live = document.createElement('span')
  live.setAttribute('role', 'status')
  live.style.cssText = UNSEEN
  // The Messenger's place for the focus: open, the Messenger; closed, the real launcher.
  const focusIntercom = () =>
    document.querySelector<HTMLElement>(state().isOpen ? OPEN : REAL)?.focus()
  const remove = () => {
    const focused = button.contains(document.activeElement)
    button.remove()
    live.remove()
    if (focused) focusIntercom()
  }
  // Set from the boot until the status leaves 'booted': the handover is under way or done.
  let timer: ReturnType<typeof setTimeout> | undefined
  // Ours stays until Intercom has drawn its launcher over it, then a moment longer, so the real
  // launcher's fade-in shows ours beneath rather than the page; at most 10 s if Intercom draws none.
  // Its badge goes at once: Intercom's own count is the one to read from then on.
  const handOver = (tries: number) => {
    const drawn = tries > 100 || document.querySelector(REAL)?.getClientRects().length
    if (drawn) note.remove()
    timer = drawn ? setTimeout(remove, 500) : setTimeout(handOver, 100, tries + 1)
  }
  cleanups.push(() => clearTimeout(timer), remove)

  let pulse: Animation | undefined
  let drawn = ''
  let open = false
  let reported = state().error
  const render = () => {
    const { status, error, isOpen } = state()
    if (status === 'error' && error && error !== reported) options.onLoadFailed?.(error)
    reported = error
    // Opened while the keyboard was on ours: the Messenger takes it, unless it already did.
    if (isOpen && !open && button.contains(document.activeElement)) focusIntercom()
    open = isOpen
    const look = settings()
    if (status === 'booted' || look.hideDefaultLauncher) {
      if (status === 'booted') timer ?? handOver(0)
      else remove()
      return
    }
    clearTimeout(timer)
    timer = undefined
    const {
      unreadCount = 0,
      label = 'Open Intercom Messenger',
      failedLabel = 'The chat could not load. Try again?',
    } = options
    const side = look.alignment === 'left' ? 'left' : 'right'
    const failed = status === 'error'
    const loading = busy(status)
    const text = failed ? failedLabel : unreadCount ? `${unreadCount} unread` : ''
    const appearance = `${LOOK}bottom:${look.verticalPadding ?? 20}px;${side}:${look.horizontalPadding ?? 20}px;background:${look.actionColor ?? '#0071b2'}`
    const name = failed ? failedLabel : text ? `${label}, ${text}` : label
    // A redraw that changes nothing (a parent re-rendered) leaves the button, and its pulse, alone.
    const next = appearance + loading + name + text
    if (button.isConnected && next === drawn) return
    drawn = next
    button.style.cssText = appearance
    button.setAttribute('aria-busy', String(loading))
    button.setAttribute('aria-label', name)
    if (text) {
      button.append(note)
      note.textContent = failed ? text : String(unreadCount)
      note.style.cssText = failed
        ? `${NOTE}bottom:56px;${side}:0`
        : `${NOTE}bottom:32px;${side === 'left' ? 'right' : 'left'}:32px`
    } else note.remove()
    // Loading pulses the launcher (WAAPI, so no stylesheet is needed), unless motion is unwelcome.
    pulse?.cancel()
    pulse =
      loading && !window.matchMedia?.('(prefers-reduced-motion:reduce)').matches
        ? button.animate?.(
            { opacity: 0.5 },
            { duration: 600, iterations: Infinity, direction: 'alternate' },
          )
        : undefined
    if (!button.isConnected) document.body.append(button, live)
    button.style.color = iconOn(getComputedStyle(button).backgroundColor)
    if (live.textContent !== text) live.textContent = text
  }

  detach.update = (next) => {
    options = next
    whenIdle()
    render()
  }
  detach.update(options)
  cleanups.push(messenger.subscribe(render))
  return detach
}
