import type { FakeMessenger, FakeMessengerState } from './types'

const font = 'font: 14px/1.4 system-ui, sans-serif;'
const styles = {
  root: `position: fixed; z-index: 2147483003; ${font} color: #1a1a1a;`,
  // Intercom's launcher: a 48 px circle in the action colour with its shadow, 20 px from the corner
  // unless vertical_padding and horizontal_padding say otherwise.
  launcher:
    'position: relative; width: 48px; height: 48px; padding: 0; border: 0; border-radius: 50%; color: #fff; cursor: pointer; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.06), 0 2px 32px rgba(0, 0, 0, 0.16); vertical-align: bottom;',
  badge:
    'position: absolute; top: -4px; right: -4px; min-width: 20px; padding: 0 6px; border-radius: 10px; background: #d1242f; color: #fff; font-size: 12px; line-height: 20px;',
  panel:
    'position: absolute; bottom: 64px; width: 300px; padding: 16px; border-radius: 12px; background: #fff; box-shadow: 0 4px 24px rgba(0, 0, 0, 0.25);',
  heading: 'margin: 0 0 8px; font-size: 16px;',
  close:
    'position: absolute; top: 8px; right: 8px; border: 0; background: none; font-size: 20px; cursor: pointer;',
  notice:
    'max-width: 320px; margin: 0; padding: 12px; border-radius: 8px; background: #ffebe9; color: #82071e; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.2);',
}

/** Intercom's default action colour, which colours the launcher when the boot names none. */
const defaultActionColor = '#0071b2'

/** The appearance settings the page booted (and updated) the Messenger with. */
function appearanceOf(fake: FakeMessenger): Record<string, unknown> {
  let settings: Record<string, unknown> = {}
  for (const [method, arg] of fake.calls) {
    if (method === 'boot') settings = { ...(arg as Record<string, unknown>) }
    if (method === 'update') settings = { ...settings, ...(arg as Record<string, unknown>) }
  }
  return settings
}

const pixels = (value: unknown, fallback: number) =>
  `${typeof value === 'number' ? value : fallback}px`

/** The sentence that says who the Messenger is booted as, and whether Intercom would trust it. */
export function describeIdentity(state: FakeMessengerState): string {
  if (state.refusal) return `Refused: ${state.refusal.message}`
  if (state.verifying && !state.booted) return 'Checking who is signing in…'
  if (!state.booted) return 'Not booted'
  if (!state.user) return 'Anonymous visitor'
  const { userId, name, email } = state.user
  const who = [name ?? email, userId].filter(Boolean).join(' · ')
  return `Signed in as ${who} (${state.verified ? 'verified' : 'not verified'})`
}

/**
 * Draws the fake Messenger on the page: a launcher with Intercom's geometry (48 px, 20 px from the
 * corner, or the boot's `alignment`, paddings and `action_color`; none with `hide_default_launcher`,
 * with the unread count) that
 * opens a panel saying who is signed in, and a notice when a boot is refused. Returns a function that
 * removes it.
 */
export function renderMessengerPanel(fake: FakeMessenger, document: Document): () => void {
  const element = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    style: string,
    attributes: Record<string, string> = {},
  ) => {
    const node = document.createElement(tag)
    // Through the CSSOM, which a strict Content-Security-Policy (no 'unsafe-inline' styles) allows.
    node.style.cssText = style
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value)
    return node
  }

  const root = element('div', styles.root, { 'data-fake-intercom': '' })
  const notice = element('p', styles.notice, { role: 'alert' })
  const panel = element('div', styles.panel, {
    role: 'dialog',
    id: 'fake-intercom-panel',
    'aria-labelledby': 'fake-intercom-heading',
  })
  const heading = element('h2', styles.heading, { id: 'fake-intercom-heading' })
  heading.textContent = 'Messenger (fake)'
  const identity = element('p', 'margin: 0;', { 'data-testid': 'fake-intercom-identity' })
  const close = element('button', styles.close, {
    type: 'button',
    'aria-label': 'Close the Messenger',
  })
  close.textContent = '×'
  // Overuse shows where a developer looks: Intercom drops these calls silently.
  const throttled = element('p', 'margin: 0;', { 'data-testid': 'fake-intercom-throttle' })
  panel.append(heading, identity, throttled, close)
  const launcher = element('button', styles.launcher, {
    type: 'button',
    'aria-controls': panel.id,
    // Intercom's class for the launcher it draws first, which launcher facades look for.
    class: 'intercom-lightweight-app-launcher',
  })
  // A drawn speech bubble: an emoji would depend on the machine's fonts (headless Chromium has none).
  const icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg')
  icon.setAttribute('viewBox', '0 0 24 24')
  icon.setAttribute('width', '24')
  icon.setAttribute('height', '24')
  icon.style.verticalAlign = 'middle'
  icon.setAttribute('aria-hidden', 'true')
  const bubble = document.createElementNS('http://www.w3.org/2000/svg', 'path')
  bubble.setAttribute('d', 'M4 4h16v11H9l-5 4z')
  bubble.setAttribute('fill', 'currentColor')
  icon.append(bubble)
  const badge = element('span', styles.badge, { 'aria-hidden': 'true' })
  launcher.append(icon, badge)
  root.append(notice, panel, launcher)

  launcher.addEventListener('click', () => (fake.state.isOpen ? fake.close() : fake.open()))
  close.addEventListener('click', () => fake.close())
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') fake.close()
  })
  // Where the focus was when the panel opened (the app's launcher, say): it goes back there on close.
  let returnTo: Element | null = null

  const update = () => {
    const { state } = fake
    notice.hidden = !state.refusal
    notice.textContent = state.refusal ? describeIdentity(state) : ''
    const look = appearanceOf(fake)
    const side = look.alignment === 'left' ? 'left' : 'right'
    root.style.bottom = pixels(look.vertical_padding, 20)
    root.style[side] = pixels(look.horizontal_padding, 20)
    root.style[side === 'left' ? 'right' : 'left'] = ''
    panel.style[side] = '0'
    launcher.style.background =
      typeof look.action_color === 'string' ? look.action_color : defaultActionColor
    launcher.hidden = !state.booted || look.hide_default_launcher === true
    const unread = state.unreadCount > 0 ? `, ${state.unreadCount} unread` : ''
    launcher.setAttribute('aria-label', `${state.isOpen ? 'Close' : 'Open'} the Messenger${unread}`)
    launcher.setAttribute('aria-expanded', String(state.isOpen))
    badge.hidden = state.unreadCount === 0
    badge.textContent = String(state.unreadCount)
    const wasOpen = !panel.hidden
    const focusInside = panel.contains(document.activeElement)
    if (state.isOpen && !wasOpen) returnTo = document.activeElement
    panel.hidden = !state.isOpen
    identity.textContent = describeIdentity(state)
    throttled.hidden = state.droppedUpdates === 0
    throttled.textContent = `Intercom's throttle (20 updates per 30 minutes) dropped ${state.droppedUpdates} update call${state.droppedUpdates === 1 ? '' : 's'}.`
    if (state.isOpen && !wasOpen) close.focus()
    // Closed with the focus inside: back where it came from, or to the launcher when that has gone.
    if (!state.isOpen && focusInside) {
      if (returnTo instanceof HTMLElement && returnTo !== document.body) returnTo.focus()
      if (document.activeElement !== returnTo) launcher.focus()
    }
  }
  // `hidden` loses to an inline `display`, so no style above sets one on a node that hides.
  update()
  const unsubscribe = fake.subscribe(update)
  document.body.append(root)
  return () => {
    unsubscribe()
    root.remove()
  }
}
