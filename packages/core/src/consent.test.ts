import { type Consent, type ConsentSource, createMessenger } from '@verified-messenger/core'
import { describe, expect, it, vi } from 'vitest'
import {
  APP_ID,
  callsTo,
  finishLoading,
  HttpResponse,
  IDENTITY_URL,
  identityEndpoint,
  installWidget,
  intercomCalls,
  jwtBody,
  setCookies,
  widgetScripts,
} from './test/fakePage'

describe('consent', () => {
  it("'pending' loads no script, sets no cookie and sends no request, but keeps calls in order", async () => {
    const hits = identityEndpoint(() => HttpResponse.json(jwtBody('42')))
    const messenger = createMessenger({ appId: APP_ID, consent: 'pending', identity: IDENTITY_URL })
    const boot = messenger.boot({ userId: '42' })
    messenger.update({ name: 'Ada' })
    messenger.trackEvent('viewed-pricing', { plan: 'pro' })
    messenger.show()
    await Promise.resolve()
    expect(widgetScripts()).toHaveLength(0)
    expect(window.Intercom).toBeUndefined()
    expect(document.cookie).toBe('')
    expect(hits.count).toBe(0)
    expect(messenger.getSnapshot()).toMatchObject({
      status: 'awaiting-consent',
      consent: 'pending',
    })

    messenger.setConsent('granted')
    await boot
    finishLoading()
    await messenger.ready()
    expect(hits.count).toBe(1)
    expect(intercomCalls.filter(([name]) => !String(name).startsWith('on'))).toEqual([
      ['boot', expect.objectContaining({ user_id: '42' })],
      ['update', { name: 'Ada' }],
      ['trackEvent', 'viewed-pricing', { plan: 'pro' }],
      ['show'],
    ])
  })

  it("'granted' after 'pending' boots without identity too", async () => {
    installWidget()
    const messenger = createMessenger({ appId: APP_ID, consent: 'pending' })
    messenger.boot({ name: 'Ada' })
    expect(callsTo('boot')).toEqual([])
    messenger.setConsent('granted')
    await messenger.ready()
    expect(callsTo('boot')).toEqual([['boot', { app_id: APP_ID, name: 'Ada' }]])
  })

  it("'denied' drops the kept calls and loads nothing", async () => {
    const messenger = createMessenger({ appId: APP_ID, consent: 'pending' })
    messenger.boot()
    messenger.show()
    messenger.setConsent('denied')
    messenger.trackEvent('ignored')
    expect(messenger.getSnapshot()).toMatchObject({ status: 'idle', consent: 'denied' })
    expect(widgetScripts()).toHaveLength(0)
    messenger.setConsent('granted')
    finishLoading()
    await messenger.ready()
    expect(callsTo('boot')).toHaveLength(1)
    expect(callsTo('show')).toEqual([])
    expect(callsTo('trackEvent')).toEqual([])
  })

  it("revoking after load shuts down and deletes this app's intercom cookies only", async () => {
    installWidget()
    const messenger = createMessenger({ appId: APP_ID })
    messenger.boot()
    await messenger.ready()
    // Intercom sets its cookies on the registrable domain, not on the page's host.
    setCookies(
      `intercom-id-${APP_ID}=abc;path=/;domain=example.com`,
      `intercom-session-${APP_ID}=def;path=/;domain=example.com`,
      `intercom-device-id-${APP_ID}=ghi;path=/`,
      'intercom-id-otherapp=keep;path=/;domain=example.com',
      'theme=dark;path=/',
    )
    expect(document.cookie.split('; ')).toHaveLength(5)
    messenger.setConsent('denied')
    expect(callsTo('shutdown')).toHaveLength(1)
    expect(document.cookie.split('; ').sort()).toEqual(['intercom-id-otherapp=keep', 'theme=dark'])
    expect(window.intercomSettings).toBeUndefined()
    expect(messenger.getSnapshot()).toMatchObject({ status: 'idle', consent: 'denied' })
  })

  it('granting again after a revoke boots the same settings again', async () => {
    installWidget()
    const messenger = createMessenger({ appId: APP_ID })
    messenger.boot({ name: 'Ada' })
    messenger.setConsent('pending')
    expect(messenger.getSnapshot().status).toBe('awaiting-consent')
    messenger.setConsent('granted')
    await messenger.ready()
    expect(callsTo('boot')).toHaveLength(2)
    expect(callsTo('boot')[1]?.[1]).toMatchObject({ name: 'Ada' })
  })

  it('keeps at most 100 calls while waiting, dropping the oldest with a dev warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    installWidget()
    const messenger = createMessenger({ appId: APP_ID, consent: 'pending' })
    for (let i = 0; i < 101; i++) messenger.trackEvent(`event-${i}`)
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(/^\[verified-messenger\/core\] .*oldest/),
    )
    messenger.boot()
    messenger.setConsent('granted')
    await messenger.ready()
    const events = callsTo('trackEvent').map(([, name]) => name)
    expect(events).toHaveLength(100)
    expect(events[0]).toBe('event-1')
    expect(events[99]).toBe('event-100')
  })
})

describe('call queue', () => {
  it.each([
    ['update', [{ name: 'Ada' }], ['update', { name: 'Ada' }]],
    ['trackEvent', ['checkout', { total: 3 }], ['trackEvent', 'checkout', { total: 3 }]],
    ['show', [], ['show']],
    ['showNewMessage', ['Hello'], ['showNewMessage', 'Hello']],
    ['startTour', [12], ['startTour', 12]],
    ['showSpace', ['help'], ['showSpace', 'help']],
    ['hideNotifications', [true], ['hideNotifications', true]],
  ] as const)('replays %s called before boot after boot', async (method, args, expected) => {
    const messenger = createMessenger({ appId: APP_ID })
    ;(messenger[method] as (...a: unknown[]) => void)(...args)
    expect(intercomCalls).toEqual([])
    messenger.boot()
    finishLoading()
    await messenger.ready()
    const replayed = intercomCalls.filter(([name]) => name === method)
    expect(replayed).toEqual([expected])
    expect(intercomCalls.findIndex(([name]) => name === 'boot')).toBeLessThan(
      intercomCalls.findIndex(([name]) => name === method),
    )
  })

  it('replays calls in the order they were made, and calls after boot go straight through', async () => {
    const messenger = createMessenger({ appId: APP_ID })
    messenger.show()
    messenger.trackEvent('a')
    messenger.hide()
    messenger.boot()
    messenger.trackEvent('b')
    finishLoading()
    await messenger.ready()
    messenger.trackEvent('c')
    expect(
      intercomCalls.filter(([name]) => !String(name).startsWith('on')).map(([n, a]) => a ?? n),
    ).toEqual([expect.objectContaining({ app_id: APP_ID }), 'show', 'a', 'hide', 'b', 'c'])
  })

  it('keeps calls made after shutdown for the next boot', async () => {
    installWidget()
    const messenger = createMessenger({ appId: APP_ID })
    messenger.boot()
    await messenger.ready()
    messenger.shutdown()
    messenger.show()
    expect(callsTo('show')).toEqual([])
    messenger.boot()
    await messenger.ready()
    expect(callsTo('show')).toEqual([['show']])
  })

  it('follows a live consent source: its value at creation, then every change, until destroy()', async () => {
    installWidget()
    let consent: Consent = 'pending'
    const listeners = new Set<() => void>()
    const source: ConsentSource = {
      getSnapshot: () => consent,
      subscribe: (listener) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    }
    const change = (next: Consent) => {
      consent = next
      for (const listener of listeners) listener()
    }
    const messenger = createMessenger({ appId: APP_ID, consent: source })
    messenger.boot()
    expect(messenger.getSnapshot()).toMatchObject({
      consent: 'pending',
      status: 'awaiting-consent',
    })

    change('granted')
    await messenger.ready()
    setCookies(`intercom-session-${APP_ID}=s;path=/`)
    change('denied')
    expect(callsTo('shutdown')).toHaveLength(1)
    expect(document.cookie).toBe('')

    messenger.destroy()
    expect(listeners.size).toBe(0)
    change('granted')
    expect(messenger.getSnapshot().consent).toBe('denied')
  })
})
