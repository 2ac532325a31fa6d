import { createMessenger, type MessengerOptions } from '@verified-messenger/core'
import { createLauncher, prefetchIdentity } from '@verified-messenger/core/launcher'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  APP_ID,
  callsTo,
  failLoading,
  finishLoading,
  HttpResponse,
  IDENTITY_URL,
  identityEndpoint,
  intercomCallbacks,
  intercomCalls,
  jwtBody,
  widgetScripts,
} from '../test/fakePage'

const launcher = () => document.querySelector<HTMLButtonElement>('body > button')

let detach = () => {}
afterEach(() => detach())

const setup = (options: Partial<MessengerOptions> = {}) =>
  createMessenger({ appId: APP_ID, identity: IDENTITY_URL, ...options })

describe('createLauncher', () => {
  it("draws a labelled button where Intercom's launcher goes, in the action colour, and loads nothing", () => {
    const hits = identityEndpoint(() => HttpResponse.json(jwtBody('42')))
    detach = createLauncher(setup(), {
      settings: { actionColor: 'rgb(1, 2, 3)', alignment: 'left', verticalPadding: 40 },
    })

    const button = launcher()
    expect(button?.type).toBe('button')
    expect(button?.getAttribute('aria-label')).toBe('Open Intercom Messenger')
    const { position, width, height, borderRadius, backgroundColor, bottom, left, right } =
      button?.style ?? {}
    expect({ position, width, height, borderRadius, backgroundColor, bottom, left, right }).toEqual(
      {
        position: 'fixed',
        width: '48px',
        height: '48px',
        borderRadius: '50%',
        backgroundColor: 'rgb(1, 2, 3)',
        bottom: '40px',
        left: '20px',
        right: '',
      },
    )
    expect(widgetScripts()).toHaveLength(0)
    expect(window.Intercom).toBeUndefined()
    expect(hits.count).toBe(0)
  })

  it('one click fetches script and identity side by side, boots verified and opens once booted', async () => {
    const hits = identityEndpoint(() => HttpResponse.json(jwtBody('42')))
    const messenger = setup()
    detach = createLauncher(messenger, { settings: { userId: '42' } })

    launcher()?.click()
    expect(widgetScripts()).toHaveLength(1)
    expect(launcher()?.getAttribute('aria-busy')).toBe('true')
    // The boot waits in the loader's stub until the script arrives.
    await vi.waitFor(() => expect(messenger.getSnapshot().status).toBe('loading'))
    expect(hits.count).toBe(1)

    finishLoading()
    await messenger.ready()
    expect(messenger.getSnapshot()).toMatchObject({ status: 'booted', identity: { userId: '42' } })
    const methods = intercomCalls.map(([method]) => method)
    expect(methods.indexOf('show')).toBeGreaterThan(methods.indexOf('boot'))
    expect(callsTo('show')).toHaveLength(1)
  })

  it('boots from the press that starts a click (the left button only), and the click opens', async () => {
    identityEndpoint(() => HttpResponse.json(jwtBody('42')))
    const messenger = setup()
    detach = createLauncher(messenger, { settings: { userId: '42' } })
    const icon = launcher()?.querySelector('svg')

    icon?.dispatchEvent(new PointerEvent('pointerdown', { button: 2, bubbles: true }))
    expect(widgetScripts()).toHaveLength(0)
    icon?.dispatchEvent(new PointerEvent('pointerdown', { button: 0, bubbles: true }))
    expect(widgetScripts()).toHaveLength(1)
    expect(launcher()?.getAttribute('aria-busy')).toBe('true')
    // Redrawn in place: the pressed icon is still in the button, so the release is still a click on it.
    expect(launcher()?.querySelector('svg')).toBe(icon)

    launcher()?.click()
    finishLoading()
    await messenger.ready()
    expect(widgetScripts()).toHaveLength(1)
    expect(callsTo('boot')).toHaveLength(1)
    expect(callsTo('show')).toHaveLength(1)
  })

  it('hands over to the real launcher once Intercom has drawn it, and comes back after a shutdown', async () => {
    vi.useFakeTimers()
    const messenger = setup({ identity: undefined })
    detach = createLauncher(messenger)
    launcher()?.click()
    finishLoading()

    await vi.advanceTimersByTimeAsync(2000)
    expect(launcher()).not.toBeNull()

    const real = document.createElement('div')
    real.className = 'intercom-lightweight-app-launcher'
    real.getClientRects = () => [new DOMRect(0, 0, 48, 48)] as unknown as DOMRectList
    document.body.append(real)
    await vi.advanceTimersByTimeAsync(100)
    expect(launcher()).not.toBeNull()
    await vi.advanceTimersByTimeAsync(500)
    expect(launcher()).toBeNull()
    real.remove()

    messenger.shutdown()
    expect(launcher()).not.toBeNull()
  })

  it('says so when the script fails, reports it, and a click tries again', async () => {
    const onLoadFailed = vi.fn()
    detach = createLauncher(setup({ identity: undefined }), { onLoadFailed })
    launcher()?.click()
    failLoading()
    await vi.waitFor(() => expect(onLoadFailed).toHaveBeenCalledOnce())

    expect(onLoadFailed.mock.calls[0]?.[0]).toMatchObject({ code: 'SCRIPT_LOAD_FAILED' })
    expect(launcher()?.getAttribute('aria-busy')).toBe('false')
    expect(launcher()?.getAttribute('aria-label')).toBe('The chat could not load. Try again?')
    expect(launcher()?.textContent).toBe('The chat could not load. Try again?')

    launcher()?.click()
    expect(widgetScripts()).toHaveLength(1)
    expect(launcher()?.getAttribute('aria-busy')).toBe('true')
  })

  it('while consent is pending loads nothing and hands the click to the app', () => {
    const hits = identityEndpoint(() => HttpResponse.json(jwtBody('42')))
    const onConsentRequired = vi.fn()
    detach = createLauncher(setup({ consent: 'pending' }), {
      intent: 'hover',
      onConsentRequired,
    })

    launcher()?.dispatchEvent(new Event('pointerenter'))
    launcher()?.click()
    expect(onConsentRequired).toHaveBeenCalledWith('pending')
    expect(widgetScripts()).toHaveLength(0)
    expect(window.Intercom).toBeUndefined()
    expect(hits.count).toBe(0)
  })

  it('hover warms up script and identity, and the boot makes no second identity request', async () => {
    const hits = identityEndpoint(() => HttpResponse.json(jwtBody('42')))
    const identity = prefetchIdentity(IDENTITY_URL)
    const messenger = setup({ identity })
    detach = createLauncher(messenger, { intent: 'hover', identity, settings: { userId: '42' } })

    launcher()?.dispatchEvent(new Event('pointerenter'))
    expect(widgetScripts()).toHaveLength(1)
    await vi.waitFor(() => expect(hits.count).toBe(1))
    expect(callsTo('boot')).toHaveLength(0)

    launcher()?.click()
    finishLoading()
    await messenger.ready()
    expect(hits.count).toBe(1)
    expect(messenger.getSnapshot().identity?.userId).toBe('42')
    expect(callsTo('show')).toHaveLength(1)
  })

  it('with hideDefaultLauncher draws nothing, and a custom launcher loads on click', async () => {
    identityEndpoint(() => HttpResponse.json(jwtBody('42')))
    const custom = document.createElement('a')
    custom.id = 'help'
    custom.innerHTML = '<span>Help</span>'
    document.body.append(custom)
    const messenger = setup()
    detach = createLauncher(messenger, {
      settings: { userId: '42', hideDefaultLauncher: true, customLauncherSelector: '#help' },
    })
    expect(launcher()).toBeNull()

    custom.querySelector('span')?.click()
    expect(widgetScripts()).toHaveLength(1)
    await vi.waitFor(() => expect(messenger.getSnapshot().status).toBe('loading'))
    finishLoading()
    await messenger.ready()
    expect(callsTo('boot')).toHaveLength(1)
    expect(callsTo('show')).toHaveLength(1)
    custom.remove()
  })

  it('idle waits for the page to finish loading before it waits for idle time', async () => {
    vi.useFakeTimers()
    Object.defineProperty(document, 'readyState', { configurable: true, get: () => 'loading' })
    try {
      detach = createLauncher(setup({ identity: undefined }), { intent: 'idle' })
      await vi.advanceTimersByTimeAsync(10)
      expect(widgetScripts()).toHaveLength(0)
    } finally {
      delete (document as { readyState?: unknown }).readyState
    }
    window.dispatchEvent(new Event('load'))
    await vi.advanceTimersByTimeAsync(10)
    expect(widgetScripts()).toHaveLength(1)
  })

  it('idle boots once the page is idle, but not on Save-Data', async () => {
    vi.useFakeTimers()
    detach = createLauncher(setup({ identity: undefined }), { intent: 'idle' })
    await vi.advanceTimersByTimeAsync(10)
    expect(widgetScripts()).toHaveLength(1)
    detach()
    for (const script of widgetScripts()) script.remove()
    delete window.Intercom

    Object.defineProperty(navigator, 'connection', {
      configurable: true,
      value: { saveData: true },
    })
    try {
      detach = createLauncher(setup({ identity: undefined }), { intent: 'idle' })
      await vi.advanceTimersByTimeAsync(10)
      expect(widgetScripts()).toHaveLength(0)
    } finally {
      delete (navigator as { connection?: unknown }).connection
    }
  })

  it('shows an unread count the app knows, in the badge and the name', () => {
    detach = createLauncher(setup(), { unreadCount: 3 })
    expect(launcher()?.textContent).toBe('3')
    expect(launcher()?.getAttribute('aria-label')).toBe('Open Intercom Messenger, 3 unread')
  })

  it('announces the unread count and a failure in a polite live region, and says it opens a dialog', async () => {
    const launch = createLauncher(setup({ identity: undefined }), { unreadCount: 2 })
    detach = launch
    const status = () => document.querySelector('[role="status"]')
    expect(launcher()?.getAttribute('aria-haspopup')).toBe('dialog')
    expect(launcher()?.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true')
    expect(status()?.textContent).toBe('2 unread')

    launch.update({ unreadCount: 3 })
    expect(status()?.textContent).toBe('3 unread')
    launcher()?.click()
    failLoading()
    await vi.waitFor(() =>
      expect(status()?.textContent).toBe('The chat could not load. Try again?'),
    )
  })

  it('picks an icon colour that stands out from the action colour (3:1 or more)', () => {
    const launch = createLauncher(setup(), { settings: { actionColor: '#ffd400' } })
    detach = launch
    expect(launcher()?.style.color).toBe('rgb(0, 0, 0)')
    launch.update({ settings: { actionColor: '#0071b2' } })
    expect(launcher()?.style.color).toBe('rgb(255, 255, 255)')
  })

  it('update() redraws the same button in place, so it keeps the focus', () => {
    const launch = createLauncher(setup(), { unreadCount: 2 })
    detach = launch
    const button = launcher()
    button?.focus()
    launch.update({ unreadCount: 3, settings: { alignment: 'left' } })
    expect(launcher()).toBe(button)
    expect(document.activeElement).toBe(button)
    expect(button?.getAttribute('aria-label')).toBe('Open Intercom Messenger, 3 unread')
    expect(button?.style.left).toBe('20px')
  })

  it('pulses while loading, and an update that changes nothing leaves the pulse running', () => {
    const cancel = vi.fn()
    const animate = vi.fn(() => ({ cancel }) as unknown as Animation)
    HTMLElement.prototype.animate = animate
    try {
      const launch = createLauncher(setup({ identity: undefined }), {})
      detach = launch
      launcher()?.click()
      expect(animate).toHaveBeenCalledOnce()
      launch.update({})
      expect(animate).toHaveBeenCalledOnce()
      expect(cancel).not.toHaveBeenCalled()
    } finally {
      delete (HTMLElement.prototype as Partial<HTMLElement>).animate
    }
  })

  it('hands the focus to the real launcher when it replaces a focused one, and drops its badge at once', async () => {
    vi.useFakeTimers()
    const messenger = setup({ identity: undefined })
    detach = createLauncher(messenger, { intent: 'idle', unreadCount: 4 })
    launcher()?.focus()
    await vi.advanceTimersByTimeAsync(10)
    finishLoading()
    await vi.advanceTimersByTimeAsync(0)
    expect(messenger.getSnapshot().status).toBe('booted')

    const real = document.createElement('button')
    real.className = 'intercom-lightweight-app-launcher'
    real.getClientRects = () => [new DOMRect(0, 0, 48, 48)] as unknown as DOMRectList
    document.body.append(real)
    await vi.advanceTimersByTimeAsync(100)
    expect(launcher()?.textContent).toBe('')
    await vi.advanceTimersByTimeAsync(500)
    expect(document.activeElement).toBe(real)
    real.remove()
  })

  it("moves the focus into Intercom's Messenger when it opens while the launcher has it", async () => {
    const messenger = setup({ identity: undefined })
    detach = createLauncher(messenger)
    const frame = document.body.appendChild(document.createElement('iframe'))
    frame.name = 'intercom-messenger-frame'
    launcher()?.focus()
    launcher()?.click()
    finishLoading()
    await messenger.ready()

    intercomCallbacks.onShow?.()
    expect(document.activeElement).toBe(frame)
    frame.remove()
  })

  it('detaching removes the launcher and stops listening', () => {
    const messenger = setup({ identity: undefined })
    createLauncher(messenger, { intent: 'idle' })()
    expect(launcher()).toBeNull()
    messenger.shutdown()
    expect(launcher()).toBeNull()
  })
})
