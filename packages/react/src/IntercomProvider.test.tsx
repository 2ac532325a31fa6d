import { act, render, waitFor } from '@testing-library/react'
import { createMessenger, IntercomProvider, type UseIntercom } from '@verified-messenger/react'
import { cookiebotConsent } from '@verified-messenger/react/cookiebot-consent'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type FakeIntercom, fakeIntercom, page } from './test/fakeIntercom'
import { IDENTITY_URL, signedIn, tokenFor } from './test/identityServer'
import { APP_ID, Capture, renderProvider } from './test/renderProvider'

let widget: FakeIntercom
beforeEach(() => {
  widget = fakeIntercom()
})
afterEach(() => {
  widget.dispose()
  vi.useRealTimers()
  vi.restoreAllMocks()
})

const booted = (intercom: { current: UseIntercom }) =>
  waitFor(() => expect(intercom.current.isBooted).toBe(true))

describe('IntercomProvider', () => {
  it('loads one script, boots once and asks for the identity once with autoBoot', async () => {
    const { intercom } = renderProvider({ identity: IDENTITY_URL, autoBoot: true })
    await booted(intercom)

    expect(widget.scripts()).toHaveLength(1)
    expect(widget.callsTo('boot')).toEqual([
      [
        expect.objectContaining({
          app_id: APP_ID,
          user_id: '123',
          intercom_user_jwt: tokenFor('123'),
        }),
      ],
    ])
    expect(signedIn.requests).toBe(1)
    expect(intercom.current.identity).toMatchObject({ userId: '123', method: 'jwt' })
  })

  it('boot() without identity writes page.intercomSettings and boots Intercom at once, in snake_case', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { intercom } = renderProvider()
    act(() => {
      void intercom.current.boot({
        userId: 'anon-1',
        createdAt: 1700000000,
        customAttributes: { plan: 'pro' },
      })
    })

    const settings = { app_id: APP_ID, user_id: 'anon-1', created_at: 1700000000, plan: 'pro' }
    expect(page.intercomSettings).toMatchObject(settings)
    expect(widget.callsTo('boot')).toEqual([[expect.objectContaining(settings)]])
    // A user id without identity is allowed, as in react-use-intercom, but development says why it is unsafe.
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/user id nobody vouched for/))
    warn.mockRestore()
  })

  it('shutdown() deletes page.intercomSettings and hardShutdown() also removes the globals', async () => {
    const { intercom } = renderProvider({ autoBoot: true })
    await booted(intercom)

    act(() => intercom.current.shutdown())
    expect(widget.callsTo('shutdown')).toHaveLength(1)
    expect(page.intercomSettings).toBeUndefined()
    expect(page.Intercom).toBeDefined()

    act(() => intercom.current.hardShutdown())
    expect(page.Intercom).toBeUndefined()
    expect(widget.scripts()).toHaveLength(0)
  })

  it('boot({ userId }) with identity boots the user the server signed', async () => {
    const { intercom } = renderProvider({ identity: IDENTITY_URL })
    await act(() => intercom.current.boot({ userId: '123', name: 'Ada' }))

    expect(widget.callsTo('boot')).toEqual([
      [
        expect.objectContaining({
          user_id: '123',
          name: 'Ada',
          intercom_user_jwt: tokenFor('123'),
        }),
      ],
    ])
    expect(intercom.current.identity?.userId).toBe('123')
  })

  it('never boots the old user when a logout happens during the identity request', async () => {
    let answer = () => {}
    signedIn.held = new Promise((resolve) => {
      answer = resolve
    })
    const { intercom } = renderProvider({ identity: IDENTITY_URL })
    let login: Promise<void> = Promise.resolve()
    act(() => {
      login = intercom.current.boot({ userId: '123' })
    })
    await waitFor(() => expect(signedIn.requests).toBe(1))

    act(() => intercom.current.shutdown())
    await act(async () => {
      answer()
      await login.catch(() => {})
    })

    const bootedUsers = widget
      .callsTo('boot')
      .map(([settings]) => (settings as { user_id?: string }).user_id)
    expect(bootedUsers).not.toContain('123')
    expect(intercom.current.identity).toBeNull()
  })

  it('switches users without a reload and keeps firing callbacks after shutdown and boot', async () => {
    const onShow = vi.fn()
    const onUnreadCountChange = vi.fn()
    const { intercom } = renderProvider({ identity: IDENTITY_URL, onShow, onUnreadCountChange })
    await act(() => intercom.current.boot({ userId: '123' }))

    act(() => intercom.current.shutdown())
    signedIn.user = '456'
    await act(() => intercom.current.boot({ userId: '456' }))

    expect(widget.callsTo('boot').at(-1)).toEqual([
      expect.objectContaining({ user_id: '456', intercom_user_jwt: tokenFor('456') }),
    ])
    expect(intercom.current.identity?.userId).toBe('456')
    expect(widget.scripts()).toHaveLength(1)

    act(() => intercom.current.show())
    act(() => widget.emit('onUnreadCountChange', 2))
    expect(onShow).toHaveBeenCalledTimes(1)
    expect(onUnreadCountChange).toHaveBeenCalledWith(2)
    expect(intercom.current.isOpen).toBe(true)
    expect(intercom.current.unreadCount).toBe(2)
  })

  it('keeps Intercom off the page while consent is pending, then loads and replays on grant', async () => {
    const { intercom, rerender } = renderProvider({ consent: 'pending', autoBoot: true })
    act(() => intercom.current.trackEvent('viewed-pricing', { plan: 'pro' }))
    act(() => intercom.current.update({ pageTitle: 'Pricing' }))

    expect(widget.scripts()).toHaveLength(0)
    expect(page.Intercom).toBeUndefined()
    expect(document.cookie).toBe('')
    expect(intercom.current.status).toBe('awaiting-consent')

    rerender({ consent: 'granted', autoBoot: true })
    await booted(intercom)

    expect(widget.scripts()).toHaveLength(1)
    const methods = widget.calls().map(([method]) => method)
    const boot = methods.indexOf('boot')
    expect(boot).toBeGreaterThanOrEqual(0)
    expect(methods.indexOf('trackEvent')).toBeGreaterThan(boot)
    expect(methods.indexOf('update')).toBeGreaterThan(methods.indexOf('trackEvent'))
    expect(widget.callsTo('trackEvent')).toEqual([['viewed-pricing', { plan: 'pro' }]])
  })

  it('shuts the Messenger down when consent turns to denied after load', async () => {
    const { intercom, rerender } = renderProvider({ consent: 'granted', autoBoot: true })
    await booted(intercom)

    rerender({ consent: 'denied', autoBoot: true })

    expect(widget.callsTo('shutdown')).toHaveLength(1)
    expect(intercom.current.isBooted).toBe(false)
    expect(intercom.current.status).not.toBe('booted')
  })

  it('follows a consent manager adapter passed as `consent`: pending, boot on accept, shutdown on decline', async () => {
    const cookiebot = page as {
      Cookiebot?: { hasResponse: boolean; consent: Record<string, boolean> }
    }
    const answer = (preferences: boolean) => {
      cookiebot.Cookiebot = { hasResponse: true, consent: { preferences } }
      act(
        () =>
          void dispatchEvent(new Event(preferences ? 'CookiebotOnAccept' : 'CookiebotOnDecline')),
      )
    }
    const { intercom } = renderProvider({ consent: cookiebotConsent(), autoBoot: true })
    expect(intercom.current.status).toBe('awaiting-consent')
    expect(widget.scripts()).toHaveLength(0)

    answer(true)
    await booted(intercom)
    answer(false)
    expect(widget.callsTo('shutdown')).toHaveLength(1)
    expect(intercom.current.consent).toBe('denied')
    delete cookiebot.Cookiebot
  })

  it('requests the script in the visitor’s own click when consent is a live source, before React re-renders', async () => {
    let consent: 'pending' | 'granted' = 'pending'
    const listeners = new Set<() => void>()
    const source = {
      getSnapshot: () => consent,
      subscribe(listener: () => void) {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    }
    const { intercom } = renderProvider({ consent: source, autoBoot: true })
    expect(widget.scripts()).toHaveLength(0)

    // The consent manager's change, outside act(): React has not rendered anything yet when it returns.
    consent = 'granted'
    for (const listener of listeners) listener()
    expect(widget.scripts()).toHaveLength(1)
    await booted(intercom)
  })

  it('holds a live source’s grant back while shouldInitialize is false', async () => {
    const consent = { getSnapshot: () => 'granted' as const, subscribe: () => () => {} }
    const { intercom, rerender } = renderProvider({
      consent,
      shouldInitialize: false,
      autoBoot: true,
    })
    expect(intercom.current.status).toBe('awaiting-consent')
    rerender({ consent, shouldInitialize: true, autoBoot: true })
    await booted(intercom)
  })

  it('releases its timers and listeners when it unmounts', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
    const added = new Set<unknown>()
    for (const target of [window, document]) {
      vi.spyOn(target, 'addEventListener').mockImplementation(function (
        this: EventTarget,
        ...args
      ) {
        added.add(args[1])
        return EventTarget.prototype.addEventListener.apply(this, args)
      })
      vi.spyOn(target, 'removeEventListener').mockImplementation(function (
        this: EventTarget,
        ...args
      ) {
        added.delete(args[1])
        return EventTarget.prototype.removeEventListener.apply(this, args)
      })
    }
    const { intercom, unmount } = renderProvider({
      identity: IDENTITY_URL,
      autoBoot: true,
      initializeDelay: 500,
    })
    await act(() => vi.advanceTimersByTimeAsync(500))
    await vi.waitFor(() => expect(intercom.current.isBooted).toBe(true))
    expect(vi.getTimerCount()).toBeGreaterThan(0) // the JWT refresh

    unmount()
    await act(() => Promise.resolve())

    expect(vi.getTimerCount()).toBe(0)
    expect(added.size).toBe(0)
  })

  it('shares one Messenger between two providers for the same app instead of loading again', async () => {
    const first: { current?: UseIntercom } = {}
    const second: { current?: UseIntercom } = {}
    render(
      <>
        <IntercomProvider appId={APP_ID} identity={IDENTITY_URL} autoBoot>
          <Capture into={first} />
        </IntercomProvider>
        <IntercomProvider appId={APP_ID} identity={IDENTITY_URL} autoBoot>
          <Capture into={second} />
        </IntercomProvider>
      </>,
    )
    await waitFor(() => expect(second.current?.isBooted).toBe(true))

    expect(widget.scripts()).toHaveLength(1)
    expect(widget.callsTo('boot')).toHaveLength(1)
    expect(signedIn.requests).toBe(1)
    expect(first.current?.show).toBe(second.current?.show)
  })

  it('calls the latest callback without registering anything with Intercom again', async () => {
    const first = vi.fn()
    const second = vi.fn()
    const { intercom, rerender } = renderProvider({ autoBoot: true, onShow: first })
    await booted(intercom)
    const registrations = widget.calls().length

    rerender({ autoBoot: true, onShow: second })
    act(() => widget.emit('onShow'))

    expect(second).toHaveBeenCalledTimes(1)
    expect(first).not.toHaveBeenCalled()
    expect(widget.calls()).toHaveLength(registrations)
  })

  it('warns once in development about unknown props, naming them, and allows data-*', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const props = { onShown: () => {}, autoboot: true, 'data-testid': 'chat' }
    const { rerender } = render(<IntercomProvider appId={APP_ID} {...props} />)
    rerender(<IntercomProvider appId={APP_ID} {...props} />)

    const warnings = warn.mock.calls.filter(([message]) =>
      String(message).includes('unknown props'),
    )
    expect(warnings).toHaveLength(1)
    expect(warnings[0]?.[0]).toMatch(/^\[verified-messenger\/react\] .*onShown, autoboot/)
    expect(warnings[0]?.[0]).not.toContain('data-testid')
  })

  it('uses a ready-made messenger and its options', async () => {
    const onShow = vi.fn()
    const messenger = createMessenger({ appId: 'app2', onShow })
    const intercom: { current?: UseIntercom } = {}
    render(
      <IntercomProvider messenger={messenger} autoBoot>
        <Capture into={intercom} />
      </IntercomProvider>,
    )
    await waitFor(() => expect(intercom.current?.isBooted).toBe(true))

    expect(widget.callsTo('boot')).toEqual([[expect.objectContaining({ app_id: 'app2' })]])
    act(() => intercom.current?.show())
    expect(onShow).toHaveBeenCalledTimes(1)
    expect(messenger.getSnapshot().isOpen).toBe(true)
  })

  it('waits initializeDelay before loading Intercom, keeping the boot for then', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { intercom } = renderProvider({ autoBoot: true, initializeDelay: 1000 })

    await act(() => vi.advanceTimersByTimeAsync(999))
    expect(widget.scripts()).toHaveLength(0)

    await act(() => vi.advanceTimersByTimeAsync(1))
    await vi.waitFor(() => expect(intercom.current.isBooted).toBe(true))
    expect(widget.scripts()).toHaveLength(1)
    expect(widget.callsTo('boot')).toHaveLength(1)
  })

  it('counts initializeDelay from shouldInitialize turning true, as react-use-intercom does', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { intercom, rerender } = renderProvider({
      autoBoot: true,
      shouldInitialize: false,
      initializeDelay: 2500,
    })
    await act(() => vi.advanceTimersByTimeAsync(3000))
    rerender({ autoBoot: true, shouldInitialize: true, initializeDelay: 2500 })

    await act(() => vi.advanceTimersByTimeAsync(2499))
    expect(widget.scripts()).toHaveLength(0)

    await act(() => vi.advanceTimersByTimeAsync(1))
    await vi.waitFor(() => expect(intercom.current.isBooted).toBe(true))
    expect(widget.scripts()).toHaveLength(1)
  })

  it('hands region, scriptUrl, cspNonce and crossOrigin to the loader and boot', async () => {
    const { intercom } = renderProvider({
      autoBoot: true,
      region: 'eu',
      scriptUrl: 'https://cdn.test/widget/eu-app',
      cspNonce: 'n0nce',
      crossOrigin: 'anonymous',
    })
    await booted(intercom)

    const [script] = widget.scripts()
    expect(script?.src).toBe('https://cdn.test/widget/eu-app')
    expect(script?.nonce).toBe('n0nce')
    expect(script?.crossOrigin).toBe('anonymous')
    expect(widget.callsTo('boot')).toEqual([
      [expect.objectContaining({ api_base: 'https://api-iam.eu.intercom.io' })],
    ])
  })

  it('calls onLoad once the widget script has loaded', async () => {
    const onLoad = vi.fn()
    const { intercom } = renderProvider({ autoBoot: true, onLoad })
    await booted(intercom)

    expect(onLoad).toHaveBeenCalledTimes(1)
  })

  it('reports a blocked widget script through error and onLoadFailed', async () => {
    widget.dispose()
    widget = fakeIntercom({ blocked: true })
    const onLoadFailed = vi.fn()
    const { intercom } = renderProvider({ autoBoot: true, onLoadFailed })
    await waitFor(() => expect(intercom.current.status).toBe('error'))

    expect(intercom.current.error?.code).toBe('SCRIPT_LOAD_FAILED')
    expect(onLoadFailed).toHaveBeenCalledWith(intercom.current.error)
    // What MIGRATING.md says a failed load leaves on the page: nothing.
    expect(widget.scripts()).toEqual([])
    expect(page.Intercom).toBeUndefined()
    expect(page.intercomSettings).toBeUndefined()
  })

  it('loads nothing while shouldInitialize is false, and starts when it turns true', async () => {
    const { intercom, rerender } = renderProvider({ autoBoot: true, shouldInitialize: false })
    act(() => intercom.current.show())

    expect(widget.scripts()).toHaveLength(0)
    expect(page.Intercom).toBeUndefined()
    expect(intercom.current.isBooted).toBe(false)

    rerender({ autoBoot: true, shouldInitialize: true })
    await booted(intercom)
    expect(widget.callsTo('show')).toEqual([[]])
  })

  it('never grants, through a second provider without a consent prop, what the first left pending', async () => {
    const { rerender } = render(
      <IntercomProvider appId={APP_ID} consent="pending" autoBoot>
        <p />
      </IntercomProvider>,
    )
    rerender(
      <>
        <IntercomProvider appId={APP_ID} consent="pending" autoBoot>
          <p />
        </IntercomProvider>
        <IntercomProvider appId={APP_ID} autoBoot>
          <p />
        </IntercomProvider>
      </>,
    )
    await act(() => Promise.resolve())

    expect(widget.scripts()).toHaveLength(0)
    expect(page.Intercom).toBeUndefined()
  })

  it('does not hold back a running Messenger when a second provider with initializeDelay mounts', async () => {
    const first: { current?: UseIntercom } = {}
    const { rerender } = render(
      <IntercomProvider appId={APP_ID} autoBoot>
        <Capture into={first} />
      </IntercomProvider>,
    )
    await waitFor(() => expect(first.current?.isBooted).toBe(true))

    rerender(
      <>
        <IntercomProvider appId={APP_ID} autoBoot>
          <Capture into={first} />
        </IntercomProvider>
        <IntercomProvider appId={APP_ID} initializeDelay={1000}>
          <p />
        </IntercomProvider>
      </>,
    )

    expect(widget.callsTo('shutdown')).toEqual([])
    expect(first.current?.isBooted).toBe(true)
  })
})
