import type { FakeMessenger, FakeMessengerState } from './types'

const font = 'font: 14px/1.4 system-ui, sans-serif;'
const styles = {
  root: `position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; ${font} color: #1a1a1a;`,
  launcher:
    'position: relative; width: 56px; height: 56px; border: 0; border-radius: 50%; background: #1f6feb; color: #fff; cursor: pointer; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.3);',
  badge:
    'position: absolute; top: -4px; right: -4px; min-width: 20px; padding: 0 6px; border-radius: 10px; background: #d1242f; color: #fff; font-size: 12px; line-height: 20px;',
  panel:
    'position: absolute; right: 0; bottom: 72px; width: 300px; padding: 16px; border-radius: 12px; background: #fff; box-shadow: 0 4px 24px rgba(0, 0, 0, 0.25);',
  heading: 'margin: 0 0 8px; font-size: 16px;',
  close:
    'position: absolute; top: 8px; right: 8px; border: 0; background: none; font-size: 20px; cursor: pointer;',
  notice:
    'max-width: 320px; margin: 0; padding: 12px; border-radius: 8px; background: #ffebe9; color: #82071e; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.2);',
}

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
 * Draws the fake Messenger on the page: a launcher at the bottom right (with the unread count) that
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
    node.setAttribute('style', style)
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
  })
  // A drawn speech bubble: an emoji would depend on the machine's fonts (headless Chromium has none).
  const icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg')
  icon.setAttribute('viewBox', '0 0 24 24')
  icon.setAttribute('width', '26')
  icon.setAttribute('height', '26')
  icon.setAttribute('aria-hidden', 'true')
  const bubble = document.createElementNS('http://www.w3.org/2000/svg', 'path')
  bubble.setAttribute('d', 'M4 4h16v11H9l-5 4z')
  bubble.setAttribute('fill', 'currentColor')
  icon.append(bubble)
  const badge = element('span', styles.badge, { 'aria-hidden': 'true' })
  launcher.append(icon, badge)
  root.append(notice, panel, launcher)

  launcher.addEventListener('click', () => (fake.state.isOpen ? fake.close() : fake.open()))
  close.addEventListener('click', () => {
    fake.close()
    launcher.focus()
  })
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') fake.close()
  })

  const update = () => {
    const { state } = fake
    notice.hidden = !state.refusal
    notice.textContent = state.refusal ? describeIdentity(state) : ''
    launcher.hidden = !state.booted
    const unread = state.unreadCount > 0 ? `, ${state.unreadCount} unread` : ''
    launcher.setAttribute('aria-label', `${state.isOpen ? 'Close' : 'Open'} the Messenger${unread}`)
    launcher.setAttribute('aria-expanded', String(state.isOpen))
    badge.hidden = state.unreadCount === 0
    badge.textContent = String(state.unreadCount)
    const wasOpen = !panel.hidden
    panel.hidden = !state.isOpen
    identity.textContent = describeIdentity(state)
    throttled.hidden = state.droppedUpdates === 0
    throttled.textContent = `Intercom's throttle (20 updates per 30 minutes) dropped ${state.droppedUpdates} update call${state.droppedUpdates === 1 ? '' : 's'}.`
    if (state.isOpen && !wasOpen) close.focus()
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
