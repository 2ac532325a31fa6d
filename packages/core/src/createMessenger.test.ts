import { createMessenger } from '@verified-messenger/core'
import { describe, expect, it, vi } from 'vitest'
import {
  APP_ID,
  callsTo,
  fakeJwt,
  finishLoading,
  HttpResponse,
  IDENTITY_URL,
  identityEndpoint,
  installWidget,
  intercomCallbacks,
  intercomCalls,
  jwtBody,
  widgetScripts,
} from './test/fakePage'

describe('createMessenger', () => {
  it('does nothing when created: no script, no global, no request', () => {
    const hits = identityEndpoint(() => HttpResponse.json(jwtBody('42')))
    const messenger = createMessenger({ appId: APP_ID, identity: IDENTITY_URL })
    expect(widgetScripts()).toHaveLength(0)
    expect(window.Intercom).toBeUndefined()
    expect(hits.count).toBe(0)
    expect(messenger.getSnapshot()).toEqual({
      status: 'idle',
      consent: 'granted',
      isOpen: false,
      unreadCount: 0,
      identity: null,
      error: null,
    })
  })

  it('boot() without identity writes window.intercomSettings and calls Intercom boot synchronously', () => {
    installWidget()
    const messenger = createMessenger({ appId: APP_ID })
    const result = messenger.boot({ userId: '1', userHash: 'a'.repeat(64), createdAt: 1700000000 })
    const settings = {
      app_id: APP_ID,
      user_id: '1',
      user_hash: 'a'.repeat(64),
      created_at: 1700000000,
    }
    expect(window.intercomSettings).toEqual(settings)
    expect(callsTo('boot')).toEqual([['boot', settings]])
    expect(result).toBeInstanceOf(Promise)
    return expect(result).resolves.toBeUndefined()
  })

  it('maps camelCase settings to snake_case with customAttributes spread in', () => {
    installWidget()
    createMessenger({ appId: APP_ID }).boot({
      hideDefaultLauncher: true,
      company: { companyId: 'c1', monthlySpend: 10, customAttributes: { tier: 'gold' } },
      customAttributes: { favouriteColour: 'teal' },
    })
    expect(callsTo('boot')[0]?.[1]).toEqual({
      app_id: APP_ID,
      hide_default_launcher: true,
      company: { company_id: 'c1', monthly_spend: 10, tier: 'gold' },
      favouriteColour: 'teal',
    })
  })

  it('shutdown() shuts Intercom down and deletes window.intercomSettings', async () => {
    installWidget()
    const messenger = createMessenger({ appId: APP_ID })
    messenger.boot()
    await messenger.ready()
    messenger.shutdown()
    expect(callsTo('shutdown')).toHaveLength(1)
    expect(window.intercomSettings).toBeUndefined()
    expect(messenger.getSnapshot().status).toBe('shut-down')
  })

  it('logging out then booting anonymous boots again (shutdown, then boot)', async () => {
    installWidget()
    const messenger = createMessenger({ appId: APP_ID })
    messenger.boot({ userId: '1', userHash: 'a'.repeat(64) })
    messenger.shutdown()
    messenger.boot()
    expect(callsTo('boot').map(([, s]) => (s as { user_id?: string }).user_id)).toEqual([
      '1',
      undefined,
    ])
  })

  it('boots once when boot() is called twice for the same user (StrictMode effects)', async () => {
    installWidget()
    const hits = identityEndpoint(() => HttpResponse.json(jwtBody('42')))
    const messenger = createMessenger({ appId: APP_ID, identity: IDENTITY_URL })
    const first = messenger.boot({ userId: '42' })
    messenger.destroy()
    const second = messenger.boot({ userId: '42' })
    expect(second).toBe(first)
    await second
    expect(hits.count).toBe(1)
    expect(callsTo('boot')).toHaveLength(1)
  })

  it('a Messenger created again after destroy() takes the session over instead of booting twice', async () => {
    installWidget()
    const first = createMessenger({ appId: APP_ID })
    first.boot({ name: 'Ada' })
    await first.ready()
    first.destroy()
    const second = createMessenger({ appId: APP_ID })
    second.boot({ name: 'Ada' })
    await second.ready()
    expect(callsTo('boot')).toHaveLength(1)
    expect(second.getSnapshot().status).toBe('booted')
    second.shutdown()
    second.boot()
    expect(callsTo('boot')).toHaveLength(2)
  })

  it('downloads the widget script while the identity request is still in flight', async () => {
    let answer = (_: Response) => {}
    const hits = identityEndpoint(() => new Promise<Response>((resolve) => (answer = resolve)))
    const messenger = createMessenger({ appId: APP_ID, identity: IDENTITY_URL })
    const booted = messenger.boot({ userId: '42' })
    await vi.waitFor(() => expect(hits.count).toBe(1))
    // The boot waits for the slower of script and identity, not for their sum.
    expect(widgetScripts()).toHaveLength(1)
    expect(callsTo('boot')).toHaveLength(0)
    finishLoading()
    expect(callsTo('boot')).toHaveLength(0)
    answer(HttpResponse.json(jwtBody('42')))
    await booted
    expect(widgetScripts()).toHaveLength(1)
    expect(callsTo('boot')).toHaveLength(1)
    expect(messenger.getSnapshot().status).toBe('booted')
  })

  it('ready() resolves once booted', async () => {
    const messenger = createMessenger({ appId: APP_ID })
    let ready = false
    messenger.ready().then(() => {
      ready = true
    })
    messenger.boot()
    await Promise.resolve()
    expect(ready).toBe(false)
    finishLoading()
    await messenger.ready()
    expect(ready).toBe(true)
  })

  it('feeds isOpen and unreadCount from Intercom callbacks and calls the option callbacks', async () => {
    installWidget()
    const onShow = vi.fn()
    const onHide = vi.fn()
    const onUnreadCountChange = vi.fn()
    const onUserEmailSupplied = vi.fn()
    const messenger = createMessenger({
      appId: APP_ID,
      onShow,
      onHide,
      onUnreadCountChange,
      onUserEmailSupplied,
    })
    messenger.boot()
    intercomCallbacks.onShow?.()
    expect(messenger.getSnapshot().isOpen).toBe(true)
    intercomCallbacks.onUnreadCountChange?.(3)
    expect(messenger.getSnapshot().unreadCount).toBe(3)
    intercomCallbacks.onHide?.()
    intercomCallbacks.onUserEmailSupplied?.()
    expect(messenger.getSnapshot().isOpen).toBe(false)
    expect(onShow).toHaveBeenCalledOnce()
    expect(onHide).toHaveBeenCalledOnce()
    expect(onUnreadCountChange).toHaveBeenCalledWith(3)
    expect(onUserEmailSupplied).toHaveBeenCalledOnce()
  })

  it('keeps the snapshot object while nothing changes and replaces it when something does', async () => {
    installWidget()
    const messenger = createMessenger({ appId: APP_ID })
    const listener = vi.fn()
    messenger.subscribe(listener)
    messenger.boot()
    await messenger.ready()
    const before = messenger.getSnapshot()
    listener.mockClear()
    intercomCallbacks.onHide?.()
    intercomCallbacks.onUnreadCountChange?.(0)
    expect(messenger.getSnapshot()).toBe(before)
    expect(listener).not.toHaveBeenCalled()
    intercomCallbacks.onUnreadCountChange?.(2)
    expect(messenger.getSnapshot()).not.toBe(before)
    expect(Object.isFrozen(messenger.getSnapshot())).toBe(true)
    expect(listener).toHaveBeenCalledOnce()
  })

  it('stops notifying a listener after it unsubscribes', () => {
    installWidget()
    const messenger = createMessenger({ appId: APP_ID })
    const listener = vi.fn()
    const unsubscribe = messenger.subscribe(listener)
    unsubscribe()
    messenger.boot()
    expect(listener).not.toHaveBeenCalled()
  })

  it("getVisitorId() asks Intercom once booted and is '' (a string, as typed) before", async () => {
    installWidget()
    const messenger = createMessenger({ appId: APP_ID })
    expect(messenger.getVisitorId()).toBe('')
    messenger.boot()
    await messenger.ready()
    expect(messenger.getVisitorId()).toBe('visitor-1')
  })

  it('never sends a user id given to update() while identity is configured', async () => {
    installWidget()
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    identityEndpoint(() => HttpResponse.json(jwtBody('42')))
    const messenger = createMessenger({ appId: APP_ID, identity: IDENTITY_URL })
    await messenger.boot({ userId: '42' })
    await messenger.ready()
    messenger.update({ userId: 'attacker', userHash: 'b'.repeat(64), name: 'Ada' })
    expect(callsTo('update')).toEqual([['update', { name: 'Ada' }]])
  })
})

describe('dev-mode warnings', () => {
  const warnings = () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    return () => warn.mock.calls.map(([message]) => String(message))
  }

  it('warns when a JWT is passed as userHash', () => {
    installWidget()
    const seen = warnings()
    createMessenger({ appId: APP_ID }).boot({ userId: '1', userHash: fakeJwt({ user_id: '1' }) })
    expect(seen()).toEqual([
      expect.stringMatching(
        /^\[verified-messenger\/core\] userHash looks like a JWT.*intercomUserJwt/,
      ),
    ])
  })

  it('warns when a plain userId is booted with no identity source', () => {
    installWidget()
    const seen = warnings()
    createMessenger({ appId: APP_ID }).boot({ userId: '1' })
    expect(seen()).toEqual([
      expect.stringMatching(/^\[verified-messenger\/core\] .*configure `identity`/),
    ])
  })

  it('warns when update() gets a userId while identity is configured', () => {
    const seen = warnings()
    createMessenger({ appId: APP_ID, identity: IDENTITY_URL }).update({ userId: '1' })
    expect(seen()).toEqual([
      expect.stringMatching(/^\[verified-messenger\/core\] update\(\{ userId \}\)/),
    ])
  })

  it('warns when the identity token expires in under a minute', async () => {
    installWidget()
    const seen = warnings()
    identityEndpoint(() => HttpResponse.json(jwtBody('42', Math.floor(Date.now() / 1000) + 30)))
    const messenger = createMessenger({ appId: APP_ID, identity: IDENTITY_URL })
    await messenger.boot({ userId: '42' })
    messenger.shutdown()
    expect(seen()).toEqual([expect.stringMatching(/under a minute/)])
  })

  it('boots, silently, in a browser without a bundler, where `process` does not exist', () => {
    installWidget()
    const seen = warnings()
    vi.stubGlobal('process', undefined)
    try {
      const messenger = createMessenger({ appId: APP_ID, identity: IDENTITY_URL })
      messenger.update({ userId: '1' })
      createMessenger({ appId: APP_ID }).boot({ userId: '1', userHash: fakeJwt({ user_id: '1' }) })
    } finally {
      vi.unstubAllGlobals()
    }
    expect(callsTo('boot')).toHaveLength(1)
    expect(seen()).toEqual([])
  })

  it('stays quiet for a verified boot', () => {
    installWidget()
    const seen = warnings()
    createMessenger({ appId: APP_ID }).boot({
      userId: '1',
      intercomUserJwt: fakeJwt({ user_id: '1' }),
    })
    expect(seen()).toEqual([])
  })
})

describe('as react-use-intercom does it', () => {
  const stubQueue = () => (window as { Intercom?: { q?: unknown[][] } }).Intercom?.q ?? []

  it('hands calls made after boot to window.Intercom at once, where the snippet stub queues them until the script runs', () => {
    const messenger = createMessenger({ appId: APP_ID })
    messenger.trackEvent('before-boot')
    messenger.boot()
    messenger.update({ name: 'Ada' })
    messenger.trackEvent('after-boot')
    expect(
      stubQueue()
        .filter(([name]) => !String(name).startsWith('on'))
        .map(([name, arg]) => [name, arg]),
    ).toEqual([
      ['boot', { app_id: APP_ID }],
      ['trackEvent', 'before-boot'],
      ['update', { name: 'Ada' }],
      ['trackEvent', 'after-boot'],
    ])
  })

  it('settles boot() synchronously when Intercom is already on the page (the snippet, or a test mock)', () => {
    installWidget()
    const onLoad = vi.fn()
    const messenger = createMessenger({ appId: APP_ID, onLoad })
    messenger.boot()
    expect(messenger.getSnapshot().status).toBe('booted')
    expect(onLoad).toHaveBeenCalledOnce()
  })

  it("update() without settings asks Intercom for new messages with last_request_at, as react-use-intercom's does", () => {
    vi.useFakeTimers({ now: new Date('2026-01-02T03:04:05Z'), toFake: ['Date'] })
    installWidget()
    const messenger = createMessenger({ appId: APP_ID })
    messenger.boot({ name: 'Ada' })
    messenger.update()
    expect(callsTo('update')).toEqual([['update', { last_request_at: 1767323045 }]])
    expect(window.intercomSettings).toEqual({ app_id: APP_ID, name: 'Ada' })
  })

  it('update(settings) merges them into window.intercomSettings, also when made before boot', () => {
    installWidget()
    const messenger = createMessenger({ appId: APP_ID })
    messenger.update({ phone: '555' })
    messenger.boot({ name: 'Ada' })
    messenger.update({ email: 'ada@example.com', name: 'Ada L.' })
    expect(window.intercomSettings).toEqual({
      app_id: APP_ID,
      name: 'Ada L.',
      phone: '555',
      email: 'ada@example.com',
    })
  })

  it('takes a click event (onClick={boot}, onClick={update}, onClick={show}) as no arguments', () => {
    installWidget()
    const messenger = createMessenger({ appId: APP_ID })
    const click = new MouseEvent('click')
    // As JavaScript calls them from `onClick`.
    const { boot, update, show, hide, showMessages } = messenger as unknown as Record<
      string,
      (event: Event) => void
    >
    for (const method of [boot, update, show, hide, showMessages]) method?.(click)
    expect(intercomCalls.filter(([name]) => !String(name).startsWith('on'))).toEqual([
      ['boot', { app_id: APP_ID }],
      ['update', {}],
      ['show'],
      ['hide'],
      ['showMessages'],
    ])
  })
})
