import { createUserHash, signIntercomJwt } from '@verified-messenger/signer'
import { installFakeMessenger } from '@verified-messenger/testing'
import { delay, HttpResponse, http } from 'msw'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { API_BASE, APP_ID, received, SECRET, server } from './test/fakeIntercomServer'

type IntercomFn = (...args: unknown[]) => unknown
const intercom = (...args: unknown[]) =>
  (window as unknown as { Intercom: IntercomFn }).Intercom(...args)

const install = () => installFakeMessenger({ appId: APP_ID, apiBase: API_BASE })
const jwtFor = (userId: string, options?: Parameters<typeof signIntercomJwt>[2]) =>
  signIntercomJwt(
    { user_id: userId, email: `${userId}@example.com`, name: 'Ada Lovelace' },
    SECRET,
    options,
  )
const cookieNames = () =>
  document.cookie
    .split(';')
    .map((pair) => pair.split('=')[0]?.trim())
    .filter(Boolean)
    .sort()

async function bootAndSettle(settings: Record<string, unknown>) {
  const fake = install()
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
  intercom('boot', { app_id: APP_ID, ...settings })
  await fake.settled()
  return { fake, consoleError }
}

describe('installFakeMessenger', () => {
  it('records every call in order, as [method, ...args]', () => {
    const fake = install()
    const onShow = () => {}
    intercom('boot', { app_id: APP_ID })
    intercom('trackEvent', 'invited-friend', { count: 2 })
    intercom('onShow', onShow)
    intercom('update', { name: 'Ada' })

    expect(fake.calls).toEqual([
      ['boot', { app_id: APP_ID }],
      ['trackEvent', 'invited-friend', { count: 2 }],
      ['onShow', onShow],
      ['update', { name: 'Ada' }],
    ])
  })

  it("replays the official stub's Intercom.q in order before later calls", () => {
    const q: unknown[][] = []
    Object.assign(window, { Intercom: Object.assign((...args: unknown[]) => q.push(args), { q }) })
    intercom('boot', { app_id: APP_ID })
    intercom('trackEvent', 'early')

    const fake = install()
    intercom('trackEvent', 'late')

    expect(
      fake.calls.map(([method, arg]) => [method, typeof arg === 'string' ? arg : null]),
    ).toEqual([
      ['boot', null],
      ['trackEvent', 'early'],
      ['trackEvent', 'late'],
    ])
    expect(fake.state.booted).toBe(true)
  })

  it('boots an anonymous visitor at once, without asking the server', () => {
    const fake = install()
    intercom('boot', { app_id: APP_ID })

    expect(fake.state).toMatchObject({ booted: true, verified: false, user: null, refusal: null })
    expect(received).toHaveLength(0)
  })

  it('verifies a boot with a valid intercom_user_jwt on the server', async () => {
    const { fake, consoleError } = await bootAndSettle({
      user_id: 'user_ada',
      intercom_user_jwt: jwtFor('user_ada'),
    })

    expect(fake.state).toMatchObject({
      booted: true,
      verified: true,
      userId: 'user_ada',
      user: { userId: 'user_ada', email: 'user_ada@example.com', name: 'Ada Lovelace' },
      refusal: null,
    })
    expect(received.map((request) => new URL(request.url).pathname)).toEqual([
      '/fake/messenger/web/ping',
    ])
    expect(consoleError).not.toHaveBeenCalled()
  })

  it('opens once verified when show was called while the boot was being checked, as Intercom does', async () => {
    const fake = install()
    const onShow = vi.fn()
    intercom('onShow', onShow)
    intercom('boot', { app_id: APP_ID, user_id: 'user_ada', intercom_user_jwt: jwtFor('user_ada') })
    intercom('show')
    expect(fake.state.isOpen).toBe(false)

    await fake.settled()
    expect(fake.state).toMatchObject({ booted: true, verified: true, isOpen: true })
    expect(onShow).toHaveBeenCalledOnce()
  })

  it("settled() waits for the page's own identity request, then for the check of the boot it leads to", async () => {
    const identityUrl = 'https://app.test/api/intercom/identity'
    // An endpoint that takes a while, as one that looks up a session and signs does.
    server.use(
      http.get(identityUrl, async () => {
        await delay(20)
        return HttpResponse.json({ user_id: 'user_ada', intercom_user_jwt: jwtFor('user_ada') })
      }),
    )
    const fake = install()
    // What the SDK does with `identity` configured: ask the app's endpoint, then boot with its answer.
    fetch(identityUrl)
      .then((response) => response.json())
      .then((identity) => intercom('boot', { app_id: APP_ID, ...identity }))
    await fake.settled()

    expect(fake.state).toMatchObject({ booted: true, verified: true, userId: 'user_ada' })
    fake.uninstall()
  })

  it('settled() is not held back by fake timers', async () => {
    vi.useFakeTimers()
    onTestFinished(() => {
      vi.useRealTimers()
    })
    const fake = install()
    intercom('boot', { app_id: APP_ID, user_id: 'user_ada', intercom_user_jwt: jwtFor('user_ada') })
    await fake.settled()

    expect(fake.state).toMatchObject({ booted: true, verified: true })
    fake.uninstall()
  })

  it('is not booted while the server is still checking the user', () => {
    const fake = install()
    intercom('boot', { app_id: APP_ID, user_id: 'user_ada', intercom_user_jwt: jwtFor('user_ada') })

    expect(fake.state).toMatchObject({ booted: false, verifying: true, verified: false })
    expect(() => fake.open()).toThrow(/needs a booted Messenger/)
    return fake.settled()
  })

  it.each([
    ['no JWT or user_hash', { user_id: 'user_ada' }, 'ERR_IDENTITY_MISSING', /Missing user_hash/],
    [
      'a tampered JWT',
      { user_id: 'user_ada', intercom_user_jwt: `${jwtFor('user_ada')}x` },
      'ERR_JWT_INVALID',
      /Failed Identity Verification check/,
    ],
    [
      'an expired JWT',
      {
        user_id: 'user_ada',
        intercom_user_jwt: jwtFor('user_ada', { expiresIn: 60, now: () => Date.now() - 3_600_000 }),
      },
      'ERR_JWT_EXPIRED',
      /Failed Identity Verification check.*expired/,
    ],
    [
      "another user's JWT",
      { user_id: 'forged', intercom_user_jwt: jwtFor('user_ada') },
      'ERR_USER_ID_MISMATCH',
      /Failed Identity Verification check/,
    ],
    [
      'a JWT passed as user_hash',
      { user_id: 'user_ada', user_hash: jwtFor('user_ada') },
      'ERR_JWT_IN_USER_HASH',
      /Failed Identity Verification check.*intercom_user_jwt/,
    ],
    [
      'a wrong user_hash',
      { user_id: 'user_ada', user_hash: createUserHash('user_grace', SECRET) },
      'ERR_USER_HASH_INVALID',
      /Failed Identity Verification check/,
    ],
    ['an email without user_hash', { email: 'ada@example.com' }, 'ERR_IDENTITY_MISSING', /Missing/],
  ])(
    'refuses a boot with %s and logs Intercom’s console error',
    async (_, settings, code, text) => {
      const { fake, consoleError } = await bootAndSettle(settings)

      expect(fake.state).toMatchObject({ booted: false, verified: false, user: null, userId: null })
      expect(fake.state.refusal).toEqual({ code, message: expect.stringMatching(text) })
      expect(consoleError).toHaveBeenCalledWith(fake.state.refusal?.message)
      expect(cookieNames()).toEqual([])
    },
  )

  it('verifies a boot with a valid user_hash', async () => {
    const { fake } = await bootAndSettle({
      user_id: 'user_grace',
      user_hash: createUserHash('user_grace', SECRET),
    })

    expect(fake.state).toMatchObject({ booted: true, verified: true, userId: 'user_grace' })
  })

  it('refuses with a message naming the endpoint when the identity check cannot be made', async () => {
    server.use(http.post(`${API_BASE}/messenger/web/ping`, () => HttpResponse.error()))
    const { fake, consoleError } = await bootAndSettle({
      user_id: 'user_ada',
      intercom_user_jwt: jwtFor('user_ada'),
    })

    expect(fake.state.refusal?.code).toBe('ERR_PING_FAILED')
    expect(consoleError).toHaveBeenCalledWith(
      expect.stringMatching(
        /^\[verified-messenger\/testing\] .*messenger\/web\/ping.*createFakeIntercom/,
      ),
    )
  })

  it('boots an identified user unverified, without a request, when enforcement is off', () => {
    const fake = installFakeMessenger({ appId: APP_ID, enforceIdentity: false })
    intercom('boot', { user_id: 'user_ada' })

    expect(fake.state).toMatchObject({ booted: true, verified: false, userId: 'user_ada' })
    expect(received).toHaveLength(0)
  })

  it('keeps the user verified while a renewed token is checked, and verifies the new one', async () => {
    const { fake } = await bootAndSettle({
      user_id: 'user_ada',
      intercom_user_jwt: jwtFor('user_ada'),
    })
    intercom('update', { intercom_user_jwt: jwtFor('user_ada', { expiresIn: 7200 }) })

    expect(fake.state).toMatchObject({ booted: true, verified: true, verifying: true })
    await fake.settled()
    expect(fake.state).toMatchObject({ booted: true, verified: true, verifying: false })
    expect(received).toHaveLength(2)
  })

  it('drops a check still in flight when the page shuts down', async () => {
    const fake = install()
    intercom('boot', { app_id: APP_ID, user_id: 'user_ada', intercom_user_jwt: jwtFor('user_ada') })
    intercom('shutdown')
    await fake.settled()

    expect(fake.state).toMatchObject({ booted: false, verified: false, userId: null })
  })

  it('sets the intercom-* cookies on boot and clears the session and id on shutdown', () => {
    install()
    intercom('boot', { app_id: APP_ID })

    expect(cookieNames()).toEqual([
      `intercom-device-id-${APP_ID}`,
      `intercom-id-${APP_ID}`,
      `intercom-session-${APP_ID}`,
    ])
    expect(intercom('getVisitorId')).toBe(
      document.cookie.match(new RegExp(`intercom-id-${APP_ID}=(\\w+)`))?.[1],
    )

    intercom('shutdown')
    expect(cookieNames()).toEqual([`intercom-device-id-${APP_ID}`])
  })

  it('starts a new session cookie for the next boot', () => {
    install()
    const session = () => document.cookie.match(/intercom-session-app123=(\w+)/)?.[1]
    intercom('boot', { app_id: APP_ID })
    const first = session()
    intercom('shutdown')
    intercom('boot', { app_id: APP_ID })

    expect(session()).toMatch(/^\w{32}$/)
    expect(session()).not.toBe(first)
  })

  it('fires onShow and onHide when the user opens and closes it, and on show/hide calls', () => {
    const fake = install()
    const onShow = vi.fn()
    const onHide = vi.fn()
    intercom('onShow', onShow)
    intercom('onHide', onHide)
    intercom('boot', { app_id: APP_ID })

    fake.open()
    expect(fake.state.isOpen).toBe(true)
    fake.open()
    fake.close()
    intercom('showNewMessage', 'Hi')
    intercom('hide')

    expect(onShow).toHaveBeenCalledTimes(2)
    expect(onHide).toHaveBeenCalledTimes(2)
    expect(fake.state.isOpen).toBe(false)
  })

  it('ignores show before boot, as the widget does', () => {
    const fake = install()
    const onShow = vi.fn()
    intercom('onShow', onShow)
    intercom('show')

    expect(onShow).not.toHaveBeenCalled()
    expect(fake.state.isOpen).toBe(false)
  })

  it('fires onUnreadCountChange when the unread count changes, and onUserEmailSupplied', () => {
    const fake = install()
    const onUnread = vi.fn()
    const onEmail = vi.fn()
    intercom('onUnreadCountChange', onUnread)
    intercom('onUserEmailSupplied', onEmail)
    intercom('boot', { app_id: APP_ID })

    fake.setUnreadCount(3)
    fake.setUnreadCount(3)
    fake.setUnreadCount(0)
    fake.supplyEmail()

    expect(onUnread.mock.calls).toEqual([[3], [0]])
    expect(onEmail).toHaveBeenCalledOnce()
    expect(() => fake.setUnreadCount(-1)).toThrow(/whole number/)
  })

  it('notifies subscribers of each state change and stops after unsubscribe', () => {
    const fake = install()
    const listener = vi.fn()
    const unsubscribe = fake.subscribe(listener)
    intercom('boot', { app_id: APP_ID })
    unsubscribe()
    fake.setUnreadCount(1)

    expect(listener).toHaveBeenCalledOnce()
  })

  it('records unknown methods without running anything for them', () => {
    const fake = install()

    expect(intercom('toString')).toBeUndefined()
    expect(intercom('startTour', 123)).toBeUndefined()
    expect(fake.calls).toEqual([['toString'], ['startTour', 123]])
  })

  it("drops update calls over Intercom's throttle (20 per 30 minutes), records them, and takes them again 30 minutes on", () => {
    vi.useFakeTimers()
    const fake = install()
    intercom('boot', { app_id: APP_ID })
    for (let n = 1; n <= 22; n++) intercom('update', { visits: n })

    expect(fake.dropped).toEqual([
      ['update', { visits: 21 }],
      ['update', { visits: 22 }],
    ])
    expect(fake.state.droppedUpdates).toBe(2)
    expect(fake.calls.filter(([method]) => method === 'update')).toHaveLength(22)

    vi.advanceTimersByTime(30 * 60_000)
    intercom('update', { visits: 23 })
    expect(fake.dropped).toHaveLength(2)
  })

  it('uninstall removes window.Intercom and gives the page its own fetch back', () => {
    const fake = install()
    const tracking = window.fetch
    fake.uninstall()

    expect('Intercom' in window).toBe(false)
    expect(window.fetch).not.toBe(tracking)
  })
})
