import { signIntercomJwt } from '@verified-messenger/signer'
import { installFakeMessenger } from '@verified-messenger/testing'
import { describe, expect, it, vi } from 'vitest'
import { renderMessengerPanel } from './renderMessengerPanel'
import { API_BASE, APP_ID, SECRET } from './test/fakeIntercomServer'

type IntercomFn = (...args: unknown[]) => unknown
const intercom = (...args: unknown[]) =>
  (window as unknown as { Intercom: IntercomFn }).Intercom(...args)

function setup() {
  const fake = installFakeMessenger({ appId: APP_ID, apiBase: API_BASE })
  const remove = renderMessengerPanel(fake, document)
  const launcher = () => document.querySelector<HTMLButtonElement>('button[aria-controls]')
  const dialog = () => document.querySelector<HTMLElement>('[role="dialog"]')
  return { fake, remove, launcher, dialog }
}

describe('renderMessengerPanel', () => {
  it('shows no launcher until the Messenger boots', () => {
    const { launcher } = setup()
    expect(launcher()?.hidden).toBe(true)

    intercom('boot', { app_id: APP_ID })
    expect(launcher()?.hidden).toBe(false)
  })

  it('opens a labelled dialog from the launcher that says who is signed in, verified', async () => {
    const { fake, launcher, dialog } = setup()
    const onShow = vi.fn()
    intercom('onShow', onShow)
    intercom('boot', {
      app_id: APP_ID,
      user_id: 'user_ada',
      intercom_user_jwt: signIntercomJwt({ user_id: 'user_ada', name: 'Ada Lovelace' }, SECRET),
    })
    await fake.settled()

    expect(dialog()?.hidden).toBe(true)
    launcher()?.click()

    expect(onShow).toHaveBeenCalledOnce()
    expect(dialog()?.hidden).toBe(false)
    expect(dialog()?.getAttribute('aria-labelledby')).toBeTruthy()
    expect(dialog()?.textContent).toContain('Signed in as Ada Lovelace · user_ada (verified)')
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Close the Messenger')
  })

  it('closes with its close button and with Escape, firing onHide', () => {
    const { fake, dialog } = setup()
    const onHide = vi.fn()
    intercom('onHide', onHide)
    intercom('boot', { app_id: APP_ID })

    fake.open()
    document.querySelector<HTMLButtonElement>('[aria-label="Close the Messenger"]')?.click()
    fake.open()
    dialog()?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))

    expect(onHide).toHaveBeenCalledTimes(2)
    expect(dialog()?.hidden).toBe(true)
  })

  it('gives the focus back on Escape: where it was before opening, else to its launcher', () => {
    const { fake, launcher } = setup()
    intercom('boot', { app_id: APP_ID })
    const appButton = document.body.appendChild(document.createElement('button'))
    appButton.focus()
    fake.open()
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Close the Messenger')

    document.activeElement?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
    )
    expect(document.activeElement).toBe(appButton)

    fake.open()
    appButton.remove()
    document.activeElement?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
    )
    expect(document.activeElement).toBe(launcher())
  })

  it('styles itself through the CSSOM, never a style attribute a strict CSP would block', () => {
    const setAttribute = vi.spyOn(Element.prototype, 'setAttribute')
    const { fake } = setup()
    intercom('boot', { app_id: APP_ID })
    fake.open()
    fake.setUnreadCount(1)

    expect(setAttribute.mock.calls.filter(([name]) => name === 'style')).toEqual([])
    expect(document.querySelector<HTMLElement>('[data-fake-intercom]')?.style.position).toBe(
      'fixed',
    )
  })

  it("draws the launcher as Intercom does, from the boot's appearance settings", () => {
    const { launcher } = setup()
    intercom('boot', { app_id: APP_ID })
    const root = document.querySelector<HTMLElement>('[data-fake-intercom]')
    expect(launcher()?.style.width).toBe('48px')
    expect(launcher()?.style.background).toBe('rgb(0, 113, 178)')
    expect([root?.style.bottom, root?.style.right]).toEqual(['20px', '20px'])

    intercom('shutdown')
    intercom('boot', {
      app_id: APP_ID,
      action_color: '#ff0000',
      alignment: 'left',
      vertical_padding: 40,
      horizontal_padding: 30,
    })
    expect(launcher()?.style.background).toBe('rgb(255, 0, 0)')
    expect([root?.style.bottom, root?.style.left, root?.style.right]).toEqual(['40px', '30px', ''])

    intercom('shutdown')
    intercom('boot', { app_id: APP_ID, hide_default_launcher: true })
    expect(launcher()?.hidden).toBe(true)
  })

  it('shows an anonymous visitor as such', () => {
    const { fake, dialog } = setup()
    intercom('boot', { app_id: APP_ID })
    fake.open()

    expect(dialog()?.textContent).toContain('Anonymous visitor')
  })

  it('puts the unread count on the launcher, for eyes and screen readers', () => {
    const { fake, launcher } = setup()
    intercom('boot', { app_id: APP_ID })
    fake.setUnreadCount(2)

    expect(launcher()?.textContent).toContain('2')
    expect(launcher()?.getAttribute('aria-label')).toBe('Open the Messenger, 2 unread')
  })

  it('announces a refused boot with Intercom’s message and offers no launcher', async () => {
    const { fake, launcher } = setup()
    vi.spyOn(console, 'error').mockImplementation(() => {})
    intercom('boot', { app_id: APP_ID, user_id: 'forged' })
    await fake.settled()

    expect(document.querySelector('[role="alert"]')?.textContent).toMatch(
      /^Refused: Intercom Messenger error: Missing user_hash/,
    )
    expect(launcher()?.hidden).toBe(true)
  })

  it('says in the open panel how many updates Intercom’s throttle dropped', () => {
    const { fake, dialog } = setup()
    intercom('boot', { app_id: APP_ID })
    fake.open()
    const throttled = () =>
      document.querySelector<HTMLElement>('[data-testid="fake-intercom-throttle"]')
    for (let n = 0; n < 20; n++) intercom('update')
    expect(throttled()?.hidden).toBe(true)

    intercom('update', { plan: 'pro' })
    expect(throttled()?.hidden).toBe(false)
    expect(dialog()?.textContent).toContain(
      "Intercom's throttle (20 updates per 30 minutes) dropped 1 update call.",
    )
  })

  it('removes itself and stops following the state', () => {
    const { fake, remove } = setup()
    remove()
    intercom('boot', { app_id: APP_ID })
    fake.setUnreadCount(1)

    expect(document.querySelector('[data-fake-intercom]')).toBeNull()
  })
})
