// @vitest-environment node
import { createUserHash, signIntercomJwt } from '@verified-messenger/signer'
import { createFakeIntercom } from '@verified-messenger/testing/server'
import { describe, expect, it } from 'vitest'

const SECRET = 'server-test-secret-fedcba9876543210'
const ORIGIN = 'http://127.0.0.1:4000'
const fake = createFakeIntercom({ secret: SECRET, appId: 'app123', basePath: '/fake-intercom' })

const ping = (payload: unknown, handler = fake) =>
  handler(
    new Request(`${ORIGIN}/fake-intercom/messenger/web/ping`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: typeof payload === 'string' ? payload : JSON.stringify(payload),
    }),
  )
const jwt = (userId: string, secret = SECRET) => signIntercomJwt({ user_id: userId }, secret)

describe('createFakeIntercom', () => {
  it('serves the browser script at <basePath>/widget/<appId>', async () => {
    const response = await fake(new Request(`${ORIGIN}/fake-intercom/widget/app123`))

    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toMatch(/^text\/javascript/)
    expect(await response.text()).toContain('__fakeIntercom')
  })

  it.each([
    ['another app id', 'GET', '/fake-intercom/widget/other-app'],
    ['a path outside basePath', 'GET', '/widget/app123'],
    ['an unknown path', 'GET', '/fake-intercom/messenger/web/other'],
    ['a GET of the ping endpoint', 'GET', '/fake-intercom/messenger/web/ping'],
    ['a POST of the script', 'POST', '/fake-intercom/widget/app123'],
  ])('answers 404 for %s, so the app can chain its own routes', async (_, method, path) => {
    const response = await fake(new Request(`${ORIGIN}${path}`, { method }))

    expect(response.status).toBe(404)
  })

  it('answers 200 verified for a valid JWT, with the user it names', async () => {
    const response = await ping({ user_id: 'user_ada', intercom_user_jwt: jwt('user_ada') })

    expect(response.status).toBe(200)
    expect(response.headers.get('Cache-Control')).toBe('no-store')
    expect(await response.json()).toEqual({ verified: true, user_id: 'user_ada' })
  })

  it('takes the user from the JWT when the boot has no user_id beside it', async () => {
    const response = await ping({ intercom_user_jwt: jwt('user_ada') })

    expect(await response.json()).toEqual({ verified: true, user_id: 'user_ada' })
  })

  it('answers 200 verified for a valid user_hash, compared whatever its hex case', async () => {
    const hash = createUserHash('user_grace', SECRET).toUpperCase()
    const response = await ping({ user_id: 'user_grace', user_hash: hash })

    expect(await response.json()).toEqual({ verified: true, user_id: 'user_grace' })
  })

  it('accepts identities signed with any secret of a rotation', async () => {
    const rotating = createFakeIntercom({
      secret: ['new-secret-value-after-the-rotation', SECRET],
      basePath: '/fake-intercom',
    })
    const response = await ping(
      { user_id: 'user_ada', intercom_user_jwt: jwt('user_ada') },
      rotating,
    )

    expect(await response.json()).toMatchObject({ verified: true })
  })

  it('answers 200 anonymous for a visitor without user_id', async () => {
    const response = await ping({ app_id: 'app123', name: 'Visitor' })

    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ verified: false, anonymous: true })
  })

  it.each([
    ['a missing signature', { user_id: 'user_ada' }, 'ERR_IDENTITY_MISSING'],
    [
      'a JWT signed with another secret',
      {
        user_id: 'user_ada',
        intercom_user_jwt: jwt('user_ada', 'not-the-secret-the-fake-was-given'),
      },
      'ERR_JWT_INVALID',
    ],
    [
      'a JWT for another user_id',
      { user_id: 'forged', intercom_user_jwt: jwt('user_ada') },
      'ERR_USER_ID_MISMATCH',
    ],
    [
      'a JWT in user_hash',
      { user_id: 'user_ada', user_hash: jwt('user_ada') },
      'ERR_JWT_IN_USER_HASH',
    ],
    [
      'a user_hash of someone else',
      { user_id: 'forged', user_hash: createUserHash('user_ada', SECRET) },
      'ERR_USER_HASH_INVALID',
    ],
  ])('answers 401 with Intercom’s message for %s', async (_, payload, code) => {
    const response = await ping(payload)

    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({
      verified: false,
      code,
      error: expect.stringMatching(
        /^Intercom Messenger error: (Missing user_hash|Failed Identity Verification check)/,
      ),
    })
  })

  it('answers 400 to a body that is not a JSON object', async () => {
    expect((await ping('not json')).status).toBe(400)
    expect((await ping([1, 2])).status).toBe(400)
  })

  it('answers the CORS preflight of a page on another origin', async () => {
    const response = await fake(
      new Request(`${ORIGIN}/fake-intercom/messenger/web/ping`, { method: 'OPTIONS' }),
    )

    expect(response.status).toBe(204)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*')
  })

  it('never puts the secret in a response', async () => {
    const responses = await Promise.all([
      fake(new Request(`${ORIGIN}/fake-intercom/widget/app123`)),
      fake(new Request(`${ORIGIN}/elsewhere`)),
      ping({ user_id: 'user_ada', intercom_user_jwt: jwt('user_ada') }),
      ping({
        user_id: 'user_ada',
        intercom_user_jwt: jwt('user_ada', 'not-the-secret-the-fake-was-given'),
      }),
      ping({ user_id: 'forged', user_hash: createUserHash('user_ada', SECRET) }),
      ping({ user_id: 'user_ada' }),
      ping('{'),
    ])

    for (const response of responses) {
      const headers = JSON.stringify([...response.headers])
      expect(`${headers}\n${await response.text()}`).not.toContain(SECRET)
    }
  })

  it('throws a tagged error when the secret is missing or empty', () => {
    expect(() => createFakeIntercom({ secret: '' })).toThrow(
      /^\[verified-messenger\/testing\] .*secret/,
    )
    expect(() => createFakeIntercom({ secret: [] })).toThrow(/secret/)
  })

  it('refuses a secret shorter than the signer accepts, and says how to make one for tests', () => {
    expect(() => createFakeIntercom({ secret: 'test-secret' })).toThrow(
      /^\[verified-messenger\/testing\] .*at least 32 characters.*randomBytes\(32\)/,
    )
    expect(() => createFakeIntercom({ secret: [SECRET, 'old-secret'] })).toThrow(/at least 32/)
  })
})
