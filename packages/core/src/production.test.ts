import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  APP_ID,
  callsTo,
  fakeJwt,
  HttpResponse,
  IDENTITY_URL,
  identityEndpoint,
  installWidget,
  jwtBody,
} from './test/fakePage'

// Production behaviour is decided when the module loads, so the core is imported after NODE_ENV is set.
beforeAll(() => {
  vi.stubEnv('NODE_ENV', 'production')
})
afterAll(() => {
  vi.unstubAllEnvs()
})
const load = () => import('@verified-messenger/core')

describe('in a production build', () => {
  it('errors keep the tag, the stable code and its detail, without the sentences', async () => {
    const { createMessenger } = await load()
    installWidget()
    identityEndpoint(() => new HttpResponse(null, { status: 403 }))
    const messenger = createMessenger({ appId: APP_ID, identity: IDENTITY_URL })
    await expect(messenger.boot({ userId: '42' })).rejects.toMatchObject({
      code: 'IDENTITY_HTTP',
      status: 403,
      message: '[verified-messenger/core] IDENTITY_HTTP (403).',
    })
  })

  it('errors say which identity check failed, in a word', async () => {
    const { createMessenger } = await load()
    installWidget()
    identityEndpoint(() => HttpResponse.json({ user_id: '42' }))
    const invalid = createMessenger({ appId: APP_ID, identity: IDENTITY_URL })
    await expect(invalid.boot({ userId: '42' })).rejects.toMatchObject({
      code: 'IDENTITY_INVALID',
      message: '[verified-messenger/core] IDENTITY_INVALID (fields).',
    })
    identityEndpoint(() => HttpResponse.json(jwtBody('7')))
    const mismatch = createMessenger({ appId: APP_ID, identity: IDENTITY_URL })
    await expect(mismatch.boot({ userId: '42' })).rejects.toMatchObject({
      code: 'IDENTITY_MISMATCH',
      message: '[verified-messenger/core] IDENTITY_MISMATCH (boot).',
    })
  })

  it('prints no dev warnings', async () => {
    const { createMessenger } = await load()
    installWidget()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    createMessenger({ appId: APP_ID }).boot({ userId: '1', userHash: fakeJwt({ user_id: '1' }) })
    expect(callsTo('boot')).toHaveLength(1)
    expect(warn).not.toHaveBeenCalled()
  })

  it('still keeps a signed field out of update(), without a word', async () => {
    const { createMessenger } = await load()
    installWidget()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const exp = Math.floor(Date.now() / 1000) + 3600
    const jwt = fakeJwt({ user_id: '42', email: 'ada@example.com', exp })
    identityEndpoint(() =>
      HttpResponse.json({ user_id: '42', intercom_user_jwt: jwt, expires_at: exp }),
    )
    const messenger = createMessenger({ appId: APP_ID, identity: IDENTITY_URL })
    await messenger.boot({ userId: '42' })
    await messenger.ready()
    messenger.update({ email: 'mallory@example.com', name: 'Ada' })
    expect(callsTo('update')).toEqual([['update', { name: 'Ada' }]])
    expect(warn).not.toHaveBeenCalled()
    messenger.shutdown()
  })
})
