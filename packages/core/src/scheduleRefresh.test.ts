import {
  createMessenger as create,
  type Messenger,
  type MessengerOptions,
  REFRESH_MARGIN,
} from '@verified-messenger/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  APP_ID,
  callsTo,
  HttpResponse,
  IDENTITY_URL,
  identityEndpoint,
  inSeconds,
  installWidget,
  jwtBody,
} from './test/fakePage'

const HOUR = 3600

// Shut down after each test, so no refresh timer or visibility listener outlives its test.
const made = new Set<Messenger>()
const createMessenger = (options: MessengerOptions) => {
  const messenger = create(options)
  made.add(messenger)
  return messenger
}
afterEach(() => {
  for (const messenger of made) messenger.shutdown()
  made.clear()
})

const setVisibility = (state: DocumentVisibilityState) => {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true })
  document.dispatchEvent(new Event('visibilitychange'))
}

// Boots user 42 with a one-hour token, then answers renewals with `renewal`.
const bootWithRenewal = async (renewal: () => Response) => {
  const first = jwtBody('42', inSeconds(HOUR))
  let calls = 0
  const hits = identityEndpoint(() => (++calls === 1 ? HttpResponse.json(first) : renewal()))
  const onIdentityError = vi.fn()
  const messenger = createMessenger({ appId: APP_ID, identity: IDENTITY_URL, onIdentityError })
  await messenger.boot({ userId: '42', name: 'Ada' })
  await messenger.ready()
  return { messenger, hits, onIdentityError, first }
}

describe('JWT refresh', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    // A whole second, so `exp` (whole seconds) is exactly an hour away.
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'))
    installWidget()
  })

  it('renews the token 5 minutes before exp and hands it over with update', async () => {
    const next = jwtBody('42', inSeconds(2 * HOUR))
    const { messenger, hits } = await bootWithRenewal(() => HttpResponse.json(next))
    await vi.advanceTimersByTimeAsync(HOUR * 1000 - REFRESH_MARGIN - 1)
    expect(hits.count).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(hits.count).toBe(2)
    expect(callsTo('update')).toEqual([['update', { intercom_user_jwt: next.intercom_user_jwt }]])
    expect(window.intercomSettings).toMatchObject({
      intercom_user_jwt: next.intercom_user_jwt,
      name: 'Ada',
    })
    expect(messenger.getSnapshot().identity).toEqual({
      userId: '42',
      method: 'jwt',
      expiresAt: next.expires_at,
    })
    expect(callsTo('boot')).toHaveLength(1)
  })

  it('keeps renewing each new token before it expires', async () => {
    const { hits } = await bootWithRenewal(() => HttpResponse.json(jwtBody('42', inSeconds(HOUR))))
    await vi.advanceTimersByTimeAsync(3 * HOUR * 1000)
    expect(hits.count).toBeGreaterThanOrEqual(4)
    expect(callsTo('update').length).toBe(hits.count - 1)
  })

  it('renews a short-lived token halfway through its life', async () => {
    let calls = 0
    const hits = identityEndpoint(() =>
      HttpResponse.json(jwtBody('42', inSeconds(++calls === 1 ? 120 : HOUR))),
    )
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    await createMessenger({ appId: APP_ID, identity: IDENTITY_URL }).boot({ userId: '42' })
    await vi.advanceTimersByTimeAsync(59_999)
    expect(hits.count).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(hits.count).toBe(2)
  })

  it('renews at once when the tab wakes after sleeping past the refresh point', async () => {
    const transport = vi.fn(async () => jwtBody('42', inSeconds(HOUR)))
    const messenger = createMessenger({ appId: APP_ID, identity: transport })
    await messenger.boot({ userId: '42' })
    // A sleeping tab runs no timers: only the clock moves, and no timer is advanced here.
    vi.setSystemTime(Date.now() + HOUR * 1000 - REFRESH_MARGIN + 60_000)
    setVisibility('hidden')
    expect(transport).toHaveBeenCalledTimes(1)
    setVisibility('visible')
    expect(transport).toHaveBeenCalledTimes(2)
    expect(transport).toHaveBeenLastCalledWith(
      expect.objectContaining({ reason: 'refresh', userId: '42' }),
    )
    await vi.advanceTimersByTimeAsync(0)
    expect(transport).toHaveBeenCalledTimes(2)
    expect(callsTo('update')).toHaveLength(1)
  })

  it('does not renew early when the tab becomes visible before the refresh point', async () => {
    const { hits } = await bootWithRenewal(() => HttpResponse.json(jwtBody('42')))
    setVisibility('visible')
    await vi.advanceTimersByTimeAsync(0)
    expect(hits.count).toBe(1)
  })

  it.each([
    ['answers 401', () => new HttpResponse(null, { status: 401 }), 'IDENTITY_UNAUTHENTICATED'],
    ['returns another user', () => HttpResponse.json(jwtBody('99')), 'IDENTITY_MISMATCH'],
  ])('shuts the session down and boots anonymous when the renewal %s', async (_, renewal, code) => {
    const { messenger, onIdentityError } = await bootWithRenewal(renewal)
    await vi.advanceTimersByTimeAsync(HOUR * 1000)
    expect(onIdentityError).toHaveBeenCalledWith(expect.objectContaining({ code }))
    expect(callsTo('shutdown')).toHaveLength(1)
    expect(callsTo('boot')).toHaveLength(2)
    expect(callsTo('boot')[1]?.[1]).toEqual({ app_id: APP_ID, name: 'Ada' })
    expect(messenger.getSnapshot()).toMatchObject({ identity: null, error: { code } })
  })

  it('retries a renewal that failed transiently while the token is still valid', async () => {
    let calls = 0
    const { hits, onIdentityError } = await bootWithRenewal(() =>
      ++calls <= 5
        ? new HttpResponse(null, { status: 502 })
        : HttpResponse.json(jwtBody('42', inSeconds(2 * HOUR))),
    )
    await vi.advanceTimersByTimeAsync(HOUR * 1000 - REFRESH_MARGIN + 20_000)
    expect(onIdentityError).toHaveBeenCalledWith(expect.objectContaining({ code: 'IDENTITY_HTTP' }))
    expect(callsTo('shutdown')).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(REFRESH_MARGIN)
    expect(hits.count).toBe(7)
    expect(callsTo('update')).toHaveLength(1)
    expect(callsTo('shutdown')).toHaveLength(0)
  })

  it('stops renewing after shutdown', async () => {
    const { messenger, hits } = await bootWithRenewal(() => HttpResponse.json(jwtBody('42')))
    messenger.shutdown()
    await vi.advanceTimersByTimeAsync(2 * HOUR * 1000)
    expect(hits.count).toBe(1)
  })

  it('stops renewing on destroy and resumes when booted again (StrictMode remount)', async () => {
    const { messenger, hits } = await bootWithRenewal(() =>
      HttpResponse.json(jwtBody('42', inSeconds(2 * HOUR))),
    )
    messenger.destroy()
    await vi.advanceTimersByTimeAsync(HOUR * 1000)
    expect(hits.count).toBe(1)
    await messenger.boot({ userId: '42' })
    await vi.advanceTimersByTimeAsync(0)
    expect(hits.count).toBe(2)
    expect(callsTo('boot')).toHaveLength(1)
  })
})
