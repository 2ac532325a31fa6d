import {
  createMessenger,
  INITIAL_IDENTITY_MAX_AGE,
  type MessengerOptions,
} from '@verified-messenger/core'
import { describe, expect, it, vi } from 'vitest'
import {
  APP_ID,
  callsTo,
  HttpResponse,
  IDENTITY_URL,
  identityEndpoint,
  inSeconds,
  installWidget,
  intercomCalls,
  jwtBody,
} from './test/fakePage'

const rendered = (initialIdentity: MessengerOptions['initialIdentity']) =>
  createMessenger({ appId: APP_ID, identity: IDENTITY_URL, initialIdentity })

describe('initialIdentity (issued by the server while rendering)', () => {
  it('boots verified with it and makes no identity request', async () => {
    installWidget()
    const hits = identityEndpoint(() => HttpResponse.json(jwtBody('42')))
    const body = jwtBody('42')
    const messenger = rendered(body)
    await messenger.boot({ userId: '42' })
    expect(hits.count).toBe(0)
    expect(callsTo('boot')[0]?.[1]).toMatchObject({
      user_id: '42',
      intercom_user_jwt: body.intercom_user_jwt,
    })
    expect(messenger.getSnapshot().identity).toEqual({
      userId: '42',
      method: 'jwt',
      expiresAt: body.expires_at,
    })
  })

  it('null boots an anonymous visitor without a request', async () => {
    installWidget()
    const hits = identityEndpoint(() => HttpResponse.json(jwtBody('42')))
    await rendered(null).boot({ email: 'a@example.com' })
    expect(hits.count).toBe(0)
    expect(callsTo('boot')).toEqual([['boot', { app_id: APP_ID }]])
  })

  it.each([
    ['has expired', jwtBody('42', inSeconds(-10))],
    ['is for another user than boot() names', jwtBody('7')],
    ['is malformed', { user_id: '42', intercom_user_jwt: 'not-a-jwt' }],
  ])('asks the endpoint when the rendered identity %s', async (_, initial) => {
    installWidget()
    const hits = identityEndpoint(() => HttpResponse.json(jwtBody('42')))
    await rendered(initial).boot({ userId: '42' })
    expect(hits.count).toBe(1)
    expect(callsTo('boot')[0]?.[1]).toMatchObject({ user_id: '42' })
  })

  it('a rendered "nobody" does not stand in for a named user', async () => {
    installWidget()
    const hits = identityEndpoint(() => HttpResponse.json(jwtBody('42')))
    await rendered(null).boot({ userId: '42' })
    expect(hits.count).toBe(1)
  })

  it('is used by the first boot only', async () => {
    installWidget()
    const hits = identityEndpoint(() => HttpResponse.json(jwtBody('42')))
    const messenger = rendered(jwtBody('42'))
    await messenger.boot({ userId: '42' })
    messenger.shutdown()
    await messenger.boot({ userId: '42' })
    expect(hits.count).toBe(1)
  })

  it('is not used once a signed-in session of this app ended in another tab since the page was made', async () => {
    installWidget()
    const ada = jwtBody('ada')
    const tab1 = createMessenger({
      appId: APP_ID,
      identity: IDENTITY_URL,
      consent: 'pending',
      initialIdentity: ada,
    })
    // Tab 2 (same storage): Ada signs in and out.
    identityEndpoint(() => HttpResponse.json(jwtBody('ada')))
    const tab2 = createMessenger({ appId: APP_ID, identity: IDENTITY_URL })
    await tab2.boot()
    await tab2.signOut()
    const hits = identityEndpoint(() => HttpResponse.json(jwtBody('bob')))
    intercomCalls.length = 0
    tab1.boot()
    tab1.setConsent('granted')
    await tab1.ready()
    expect(hits.count).toBe(1)
    expect(tab1.getSnapshot().identity?.userId).toBe('bob')
    expect(JSON.stringify(intercomCalls)).not.toContain(ada.intercom_user_jwt)
  })

  it('is not used by a boot that starts more than a minute after the page was made', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    installWidget()
    const messenger = rendered(jwtBody('42', inSeconds(3600)))
    vi.setSystemTime(Date.now() + INITIAL_IDENTITY_MAX_AGE + 1)
    const hits = identityEndpoint(() => HttpResponse.json(jwtBody('42')))
    await messenger.boot({ userId: '42' })
    expect(hits.count).toBe(1)
  })
})
