import { createMessenger, type MessengerOptions } from '@verified-messenger/core'
import { describe, expect, it } from 'vitest'
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
})
