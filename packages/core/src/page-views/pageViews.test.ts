import { createMessenger } from '@verified-messenger/core'
import { pageViews } from '@verified-messenger/core/page-views'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  APP_ID,
  callsTo,
  HttpResponse,
  IDENTITY_URL,
  identityEndpoint,
  installWidget,
  jwtBody,
} from '../test/fakePage'

const MINUTE = 60_000

const bootedMessenger = async () => {
  installWidget()
  const messenger = createMessenger({ appId: APP_ID })
  messenger.boot()
  await messenger.ready()
  return messenger
}

const updates = () => callsTo('update').map(([, settings]) => settings)
// A page view reaches Intercom as its ping: an update with only last_request_at.
const pageView = { last_request_at: expect.any(Number) }

afterEach(() => {
  history.replaceState(null, '', '/')
  delete (window as { navigation?: unknown }).navigation
})

describe('pageViews', () => {
  it('sends update on pushState, popstate and replaceState to a new URL, not for state alone', async () => {
    vi.useFakeTimers()
    const { replaceState } = history
    const messenger = await bootedMessenger()
    const stop = pageViews(messenger)

    history.pushState({ key: 1 }, '', '/pricing')
    expect(updates()).toEqual([pageView])
    vi.advanceTimersByTime(2 * MINUTE)
    history.replaceState({ key: 2 }, '', '/pricing')
    expect(updates()).toHaveLength(1)
    history.replaceState(null, '', '/pricing?plan=pro')
    expect(updates()).toHaveLength(2)

    // Back or forward: the browser has moved to the entry when it fires popstate.
    vi.advanceTimersByTime(2 * MINUTE)
    replaceState.call(history, null, '', '/')
    dispatchEvent(new PopStateEvent('popstate'))
    expect(updates()).toHaveLength(3)
    stop()
  })

  it('sends no page views before boot, where they would wait in the queue for nothing', async () => {
    installWidget()
    const messenger = createMessenger({ appId: APP_ID, consent: 'pending' })
    messenger.boot()
    const stop = pageViews(messenger)
    history.pushState(null, '', '/before-consent')
    messenger.setConsent('granted')
    await messenger.ready()
    expect(updates()).toEqual([])
    stop()
  })

  it('follows the Navigation API where the browser has one, without patching history', async () => {
    const navigation = new EventTarget()
    ;(window as { navigation?: EventTarget }).navigation = navigation
    const { pushState } = history
    const messenger = await bootedMessenger()
    const stop = pageViews(messenger)
    expect(history.pushState).toBe(pushState)

    history.pushState(null, '', '/docs')
    navigation.dispatchEvent(new Event('currententrychange'))
    expect(updates()).toEqual([pageView])

    stop()
    history.pushState(null, '', '/blog')
    navigation.dispatchEvent(new Event('currententrychange'))
    expect(updates()).toHaveLength(1)
  })

  it('detaching restores history and sends updates straight through again', async () => {
    const { pushState, replaceState } = history
    const messenger = await bootedMessenger()
    pageViews(messenger)()
    expect([history.pushState, history.replaceState]).toEqual([pushState, replaceState])

    history.pushState(null, '', '/elsewhere')
    for (let n = 0; n < 25; n++) messenger.update({ customAttributes: { n } })
    expect(updates()).toHaveLength(25)
  })

  it('coalesces page views to one per 90 seconds, sending the latest', async () => {
    vi.useFakeTimers()
    const messenger = await bootedMessenger()
    const stop = pageViews(messenger)
    for (const path of ['/a', '/b', '/c', '/d']) {
      history.pushState(null, '', path)
      vi.advanceTimersByTime(10_000)
    }
    expect(updates()).toHaveLength(1)

    vi.advanceTimersByTime(60_000)
    expect(updates()).toHaveLength(2)
    expect(stop.stats).toEqual({ sent: 2, coalesced: 2 })
    stop()
  })

  it("shares Intercom's budget with the app's updates: held, merged (latest wins) and sent when it allows, with a warning", async () => {
    vi.useFakeTimers()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const messenger = await bootedMessenger()
    const stop = pageViews(messenger)

    for (let n = 1; n <= 20; n++) messenger.update({ customAttributes: { step: n } })
    expect(updates()).toHaveLength(20)
    messenger.update({ customAttributes: { step: 21, plan: 'pro' } })
    messenger.update({ customAttributes: { step: 22 } })
    history.pushState(null, '', '/checkout')
    expect(updates()).toHaveLength(20)
    expect(warn).toHaveBeenCalledOnce()
    expect(warn.mock.calls[0]?.[0]).toMatch(
      /^\[verified-messenger\/core\] Intercom allows 20 update calls per 30 minutes/,
    )

    vi.advanceTimersByTime(30 * MINUTE)
    expect(updates()).toHaveLength(21)
    expect(updates()[20]).toEqual({ step: 22, plan: 'pro' })
    stop()
  })

  it('detaching hands attribute changes still held to Intercom at once', async () => {
    vi.useFakeTimers()
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const messenger = await bootedMessenger()
    const stop = pageViews(messenger)
    for (let n = 1; n <= 21; n++) messenger.update({ customAttributes: { n } })
    expect(updates()).toHaveLength(20)

    stop()
    expect(updates()).toHaveLength(21)
    expect(updates()[20]).toEqual({ n: 21 })
  })

  it('never spends the last 5 calls of the window on page views', async () => {
    vi.useFakeTimers()
    const messenger = await bootedMessenger()
    const stop = pageViews(messenger)
    for (let n = 1; n <= 15; n++) messenger.update({ customAttributes: { n } })
    history.pushState(null, '', '/after-15')
    vi.advanceTimersByTime(5 * MINUTE)
    expect(updates()).toHaveLength(15)

    messenger.update({ customAttributes: { n: 16 } })
    expect(updates()).toHaveLength(16)
    stop()
  })

  it('drops attribute changes held for a user once another user signs in', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    let user = 'ada'
    identityEndpoint(() => HttpResponse.json(jwtBody(user)))
    installWidget()
    const messenger = createMessenger({ appId: APP_ID, identity: IDENTITY_URL })
    await messenger.boot({ userId: 'ada' })
    vi.useFakeTimers()
    const stop = pageViews(messenger)
    for (let n = 1; n <= 21; n++) messenger.update({ customAttributes: { n } })
    expect(updates()).toHaveLength(20)

    user = 'grace'
    await messenger.boot({ userId: 'grace' })
    vi.advanceTimersByTime(30 * MINUTE)
    expect(updates()).toHaveLength(20)
    stop()
  })
})
