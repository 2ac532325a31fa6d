import {
  createIdentityHandler,
  createUserHash,
  type IntercomUser,
  SignerError,
  verifyIntercomJwt,
} from '@verified-messenger/signer'
import { describe, expect, it, vi } from 'vitest'

const secret = 'handler-test-secret-0123456789abcdef'
const t0 = 1767225600
const now = () => t0 * 1000
const ada: IntercomUser = { user_id: '123', email: 'ada@example.com', name: 'Ada', plan: 'pro' }

const get = (init: RequestInit = {}) => new Request('http://app.test/api/intercom/identity', init)

describe('createIdentityHandler', () => {
  it('answers a signed-in user with user_id, intercom_user_jwt and expires_at, uncached', async () => {
    const handler = createIdentityHandler({ secret, getUser: () => ada, now })
    const response = await handler(get(), undefined)
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    const body = await response.json()
    expect(Object.keys(body).sort()).toEqual(['expires_at', 'intercom_user_jwt', 'user_id'])
    expect(body.user_id).toBe('123')
    expect(body.expires_at).toBe(t0 + 3600)
    expect(verifyIntercomJwt(body.intercom_user_jwt, secret, { now, userId: '123' })).toEqual({
      ...ada,
      iat: t0,
      exp: t0 + 3600,
    })
  })

  it('uses expiresIn for the token and expires_at alike', async () => {
    const handler = createIdentityHandler({ secret, getUser: () => ada, now, expiresIn: 900 })
    const body = await (await handler(get(), undefined)).json()
    expect(body.expires_at).toBe(t0 + 900)
    expect(verifyIntercomJwt(body.intercom_user_jwt, secret, { now }).exp).toBe(t0 + 900)
  })

  it("answers the legacy user_hash in 'hmac' mode, without unsigned attributes", async () => {
    const handler = createIdentityHandler({ secret, getUser: async () => ada, mode: 'hmac' })
    const response = await handler(get(), undefined)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({
      user_id: '123',
      user_hash: createUserHash('123', secret),
    })
  })

  it.each([null, undefined])(
    'answers 204 No Content, uncached, when getUser returns %s',
    async (nobody) => {
      const handler = createIdentityHandler({ secret, getUser: () => nobody })
      const response = await handler(get(), undefined)
      expect(response.status).toBe(204)
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(response.body).toBeNull()
    },
  )

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS'])(
    'answers %s with 405 and Allow: GET, HEAD',
    async (method) => {
      const getUser = vi.fn(() => ada)
      const response = await createIdentityHandler({ secret, getUser })(get({ method }), undefined)
      expect(response.status).toBe(405)
      expect(response.headers.get('allow')).toBe('GET, HEAD')
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(getUser).not.toHaveBeenCalled()
    },
  )

  it('answers HEAD with the headers of GET and no body', async () => {
    const response = await createIdentityHandler({ secret, getUser: () => ada })(
      get({ method: 'HEAD' }),
      undefined,
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.body).toBeNull()
  })

  it('signs only the user getUser returns, whatever the request claims', async () => {
    const handler = createIdentityHandler({ secret, getUser: () => ada })
    const response = await handler(
      new Request('http://app.test/api/intercom/identity?user_id=admin', {
        headers: { 'x-user-id': 'admin', cookie: 'user_id=admin' },
      }),
      undefined,
    )
    const body = await response.json()
    expect(body.user_id).toBe('123')
    expect(verifyIntercomJwt(body.intercom_user_jwt, secret).user_id).toBe('123')
  })

  it('passes the request and the context to getUser', async () => {
    const getUser = vi.fn((_request: Request, _context: { session: string }) => ada)
    const request = get()
    await createIdentityHandler({ secret, getUser })(request, { session: 's1' })
    expect(getUser).toHaveBeenCalledWith(request, { session: 's1' })
  })

  it('answers a generic 500 when getUser throws, and reports the error to onError only', async () => {
    const failure = new Error('database down for user ada@example.com')
    const onError = vi.fn()
    const response = await createIdentityHandler({
      secret,
      getUser: () => {
        throw failure
      },
      onError,
    })(get(), undefined)
    expect(response.status).toBe(500)
    expect(response.headers.get('cache-control')).toBe('no-store')
    const text = await response.text()
    expect(JSON.parse(text)).toEqual({ error: 'internal_error' })
    expect(text).not.toContain('ada@example.com')
    expect(onError).toHaveBeenCalledWith(failure)
  })

  describe("a framework's control flow thrown in getUser", () => {
    /** Errors shaped as Next.js 16 throws them: a `digest` its router and prerenderer recognise. */
    const withDigest = (digest: string) => Object.assign(new Error(digest), { digest })

    it.each([
      ['redirect()', 'NEXT_REDIRECT;replace;/login;307;'],
      ['notFound()', 'NEXT_HTTP_ERROR_FALLBACK;404'],
      ['forbidden()', 'NEXT_HTTP_ERROR_FALLBACK;403'],
      ['cookies() while prerendering with cacheComponents', 'NEXT_PRERENDER_INTERRUPTED'],
      ['cookies() while prerendering without cacheComponents', 'DYNAMIC_SERVER_USAGE'],
      ['a prerender that ended before getUser settled', 'HANGING_PROMISE_REJECTION'],
      ['a bail-out to client rendering', 'BAILOUT_TO_CLIENT_SIDE_RENDERING'],
    ])('reaches the framework untouched: %s', async (_name, digest) => {
      const thrown = withDigest(digest)
      const onError = vi.fn()
      const handler = createIdentityHandler({
        secret,
        onError,
        getUser: async () => {
          throw thrown
        },
      })
      await expect(handler(get(), undefined)).rejects.toBe(thrown)
      expect(onError).not.toHaveBeenCalled()
    })

    it('is found in the cause of an error that wraps it, as unstable_rethrow finds it', async () => {
      const wrapped = new Error('session lookup failed', {
        cause: withDigest('NEXT_REDIRECT;push;/login;307;'),
      })
      const handler = createIdentityHandler({
        secret,
        onError: () => {},
        getUser: () => {
          throw wrapped
        },
      })
      await expect(handler(get(), undefined)).rejects.toBe(wrapped)
    })

    it('is told apart from an app error that merely has a digest', async () => {
      const onError = vi.fn()
      const handler = createIdentityHandler({
        secret,
        onError,
        getUser: () => {
          throw withDigest('1234567890')
        },
      })
      expect((await handler(get(), undefined)).status).toBe(500)
      expect(onError).toHaveBeenCalledTimes(1)
    })
  })

  it('answers 500 with ERR_SECRET when the secret is missing at request time', async () => {
    const onError = vi.fn()
    const handler = createIdentityHandler({ secret: undefined, getUser: () => ada, onError })
    const response = await handler(get(), undefined)
    expect(response.status).toBe(500)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'ERR_SECRET' }))
  })

  it('answers 500 when getUser returns a user that cannot be signed', async () => {
    const onError = vi.fn()
    const getUser = () => ({ user_id: 42 }) as unknown as IntercomUser
    for (const mode of ['jwt', 'hmac'] as const) {
      const response = await createIdentityHandler({ secret, getUser, mode, onError })(
        get(),
        undefined,
      )
      expect(response.status).toBe(500)
    }
    expect(onError).toHaveBeenCalledTimes(2)
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'ERR_USER_ID' }))
  })

  it('logs one tagged line without user data or the secret when there is no onError', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      await createIdentityHandler({
        secret,
        getUser: () => {
          throw new TypeError(`cannot read session of ada@example.com (${secret})`)
        },
      })(get(), undefined)
      await createIdentityHandler({ secret: `${secret}\n`, getUser: () => ada })(get(), undefined)
      expect(log).toHaveBeenCalledTimes(2)
      const lines = log.mock.calls.map((call) => call.join(' '))
      for (const line of lines) {
        expect(line).toMatch(/^\[verified-messenger\/signer\] /)
        expect(line).not.toContain(secret)
        expect(line).not.toContain('ada@example.com')
      }
      expect(lines[0]).toContain('TypeError')
      expect(lines[1]).toContain('ERR_SECRET')
    } finally {
      log.mockRestore()
    }
  })

  it('blames signing, not getUser, in the 500 log when signing the returned user fails', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      // A user object whose attribute getter throws: getUser returned fine, signing it failed.
      const user = {
        user_id: '123',
        get plan(): string {
          throw new RangeError('plan lookup failed')
        },
      }
      const response = await createIdentityHandler({ secret, getUser: () => user })(
        get(),
        undefined,
      )
      expect(response.status).toBe(500)
      expect(log).toHaveBeenCalledTimes(1)
      expect(log.mock.calls[0]?.join(' ')).toBe(
        '[verified-messenger/signer] the identity endpoint answered 500: signing the identity threw RangeError. Pass onError to log the details.',
      )
      log.mockClear()
      await createIdentityHandler({
        secret,
        getUser: () => Promise.reject(new TypeError('session store down')),
      })(get(), undefined)
      expect(log.mock.calls[0]?.join(' ')).toBe(
        '[verified-messenger/signer] the identity endpoint answered 500: getUser threw TypeError. Pass onError to log the details.',
      )
    } finally {
      log.mockRestore()
    }
  })

  it('answers 500 and says where the real secret is when the secret is a short placeholder', async () => {
    const onError = vi.fn()
    const handler = createIdentityHandler({ secret: 'a', getUser: () => ada, onError })
    expect((await handler(get(), undefined)).status).toBe(500)
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({
        code: 'ERR_SECRET',
        message: expect.stringContaining('Settings > Workspace > Security > Messenger'),
      }),
    )
  })

  it('still answers 500 when onError itself throws', async () => {
    const response = await createIdentityHandler({
      secret,
      getUser: () => Promise.reject(new Error('boom')),
      onError: () => {
        throw new Error('logger down')
      },
    })(get(), undefined)
    expect(response.status).toBe(500)
  })

  it.each([
    ['options are missing', undefined],
    ['getUser is missing', { secret }],
    ['mode is unknown', { secret, getUser: () => ada, mode: 'jws' }],
    ['expiresIn is false', { secret, getUser: () => ada, expiresIn: false }],
    ['expiresIn is negative', { secret, getUser: () => ada, expiresIn: -1 }],
    ['onError is not a function', { secret, getUser: () => ada, onError: 'log' }],
  ])('refuses to start when %s', (_name, options) => {
    expect(() => createIdentityHandler(options as never)).toThrow(SignerError)
    expect(() => createIdentityHandler(options as never)).toThrow(
      expect.objectContaining({ code: 'ERR_OPTIONS' }),
    )
  })

  it('says the endpoint needs a lifetime in seconds, without offering false', () => {
    for (const expiresIn of [false, 0]) {
      expect(() =>
        createIdentityHandler({ secret, getUser: () => ada, expiresIn } as never),
      ).toThrow(
        /^\[verified-messenger\/signer\] options\.expiresIn must be a whole number of seconds above 0 \(3600 is one hour\)\.$/,
      )
    }
  })
})
