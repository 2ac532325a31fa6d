import {
  createMessenger,
  type IdentityResponse,
  type Messenger,
  MessengerError,
} from '@verified-messenger/core'
import { describe, expect, it, vi } from 'vitest'
import {
  APP_ID,
  callsTo,
  fakeJwt,
  finishLoading,
  HttpResponse,
  IDENTITY_URL,
  identityEndpoint,
  inSeconds,
  installWidget,
  jwtBody,
} from './test/fakePage'

const HASH = 'aa747c502a898200f9e4fa21bac68136f886a0e27aec70ba06daf2e2a5cb5597'

const verified = (options: Partial<Parameters<typeof createMessenger>[0]> = {}) =>
  createMessenger({ appId: APP_ID, identity: IDENTITY_URL, ...options })

/** Boots user 42 against an endpoint that vouches for them, and returns the identity request as sent. */
const identityRequestOf = async (messenger: Messenger) => {
  let seen: Request | undefined
  identityEndpoint(() => HttpResponse.json(jwtBody('42')))
  const { server } = await import('./test/fakePage')
  server.events.on('request:start', ({ request }) => {
    seen = request
  })
  await messenger.boot({ userId: '42' })
  server.events.removeAllListeners()
  return seen
}

describe('identity', () => {
  it('boots with the intercom_user_jwt the endpoint signed for the requested user', async () => {
    installWidget()
    const body = jwtBody('42')
    identityEndpoint(() => HttpResponse.json(body))
    const messenger = verified()
    await messenger.boot({ userId: '42', name: 'Ada' })
    expect(callsTo('boot')).toEqual([
      [
        'boot',
        { app_id: APP_ID, user_id: '42', name: 'Ada', intercom_user_jwt: body.intercom_user_jwt },
      ],
    ])
    expect(messenger.getSnapshot().identity).toEqual({
      userId: '42',
      method: 'jwt',
      expiresAt: body.expires_at,
    })
  })

  it('boots with the user_hash of a legacy endpoint', async () => {
    installWidget()
    identityEndpoint(() => HttpResponse.json({ user_id: '42', user_hash: HASH }))
    const messenger = verified()
    await messenger.boot({ userId: '42' })
    expect(callsTo('boot')[0]?.[1]).toEqual({ app_id: APP_ID, user_id: '42', user_hash: HASH })
    expect(messenger.getSnapshot().identity).toEqual({ userId: '42', method: 'hmac' })
  })

  it('boot() without userId boots the user the endpoint vouches for', async () => {
    installWidget()
    identityEndpoint(() => HttpResponse.json(jwtBody('7')))
    await verified().boot()
    expect(callsTo('boot')[0]?.[1]).toMatchObject({ user_id: '7' })
  })

  it.each([204, 401])(
    'boot() without userId boots an anonymous visitor when the endpoint answers %i',
    async (status) => {
      installWidget()
      identityEndpoint(() => new HttpResponse(null, { status }))
      const messenger = verified()
      await messenger.boot({ email: 'a@example.com', hideDefaultLauncher: true })
      expect(callsTo('boot')).toEqual([['boot', { app_id: APP_ID, hide_default_launcher: true }]])
      expect(messenger.getSnapshot().identity).toBeNull()
    },
  )

  it('never boots a named user the endpoint answers 401 for', async () => {
    installWidget()
    identityEndpoint(() => new HttpResponse(null, { status: 401 }))
    const onIdentityError = vi.fn()
    const messenger = verified({ onIdentityError })
    await expect(messenger.boot({ userId: '42' })).rejects.toMatchObject({
      code: 'IDENTITY_UNAUTHENTICATED',
    })
    expect(callsTo('boot')).toEqual([])
    expect(onIdentityError).toHaveBeenCalledWith(expect.any(MessengerError))
    expect(messenger.getSnapshot()).toMatchObject({
      status: 'error',
      error: { code: 'IDENTITY_UNAUTHENTICATED' },
    })
  })

  it.each([
    ['a different user_id', () => HttpResponse.json(jwtBody('43')), 'IDENTITY_MISMATCH'],
    [
      "a JWT for another user than the body's user_id",
      () => HttpResponse.json({ ...jwtBody('42'), intercom_user_jwt: fakeJwt({ user_id: '43' }) }),
      'IDENTITY_MISMATCH',
    ],
    [
      'an expired token',
      () => HttpResponse.json(jwtBody('42', inSeconds(-10))),
      'IDENTITY_EXPIRED',
    ],
    ['malformed JSON', () => new HttpResponse('{"user_id":', { status: 200 }), 'IDENTITY_INVALID'],
    ['a body without proof', () => HttpResponse.json({ user_id: '42' }), 'IDENTITY_INVALID'],
    [
      'a token that is not a JWT',
      () => HttpResponse.json({ user_id: '42', intercom_user_jwt: 'not-a-jwt' }),
      'IDENTITY_INVALID',
    ],
    ['HTTP 403', () => new HttpResponse(null, { status: 403 }), 'IDENTITY_HTTP'],
  ])('rejects %s without booting, and does not retry', async (_, respond, code) => {
    installWidget()
    const hits = identityEndpoint(respond)
    const onIdentityError = vi.fn()
    await expect(verified({ onIdentityError }).boot({ userId: '42' })).rejects.toMatchObject({
      code,
      message: expect.stringMatching(/^\[verified-messenger\/core\] /),
    })
    expect(callsTo('boot')).toEqual([])
    expect(hits.count).toBe(1)
    expect(onIdentityError).toHaveBeenCalledOnce()
  })

  it('says what happened and what to do about it', async () => {
    installWidget()
    identityEndpoint(() => new HttpResponse(null, { status: 403 }))
    await expect(verified().boot({ userId: '42' })).rejects.toThrow(
      /^\[verified-messenger\/core\] The identity endpoint answered HTTP 403: check its server logs\.$/,
    )
  })

  it('retries a 500 with backoff and boots when the endpoint recovers', async () => {
    vi.useFakeTimers()
    installWidget()
    let calls = 0
    const hits = identityEndpoint(() =>
      ++calls === 1 ? new HttpResponse(null, { status: 500 }) : HttpResponse.json(jwtBody('42')),
    )
    const boot = verified().boot({ userId: '42' })
    await vi.advanceTimersByTimeAsync(999)
    expect(hits.count).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    await boot
    expect(hits.count).toBe(2)
    expect(callsTo('boot')[0]?.[1]).toMatchObject({ user_id: '42' })
  })

  it('gives up after 4 retries with capped exponential backoff (1, 2, 4, 5 s) and reports the error', async () => {
    vi.useFakeTimers()
    installWidget()
    const hits = identityEndpoint(() => new HttpResponse(null, { status: 503 }))
    const onIdentityError = vi.fn()
    const boot = verified({ onIdentityError }).boot({ userId: '42' })
    boot.catch(() => {})
    const expected = [1, 2, 3, 4, 5]
    for (const [wait, count] of [0, 1000, 2000, 4000, 5000].map((ms, i) => [ms, expected[i]])) {
      await vi.advanceTimersByTimeAsync(wait as number)
      expect(hits.count).toBe(count)
    }
    await expect(boot).rejects.toMatchObject({ code: 'IDENTITY_HTTP', status: 503 })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(hits.count).toBe(5)
    expect(onIdentityError).toHaveBeenCalledOnce()
    expect(callsTo('boot')).toEqual([])
  })

  it('retries 429 and network failures', async () => {
    vi.useFakeTimers()
    installWidget()
    let calls = 0
    identityEndpoint(() =>
      ++calls === 1
        ? new HttpResponse(null, { status: 429 })
        : calls === 2
          ? HttpResponse.error()
          : HttpResponse.json(jwtBody('42')),
    )
    const boot = verified().boot({ userId: '42' })
    await vi.advanceTimersByTimeAsync(3000)
    await boot
    expect(calls).toBe(3)
  })

  it('times a silent endpoint out after 10 s and retries it', async () => {
    vi.useFakeTimers()
    installWidget()
    let calls = 0
    identityEndpoint(() =>
      ++calls === 1 ? new Promise<Response>(() => {}) : HttpResponse.json(jwtBody('42')),
    )
    const messenger = verified()
    const boot = messenger.boot({ userId: '42' })
    await vi.advanceTimersByTimeAsync(9_999)
    expect(calls).toBe(1)
    await vi.advanceTimersByTimeAsync(1 + 1000)
    await boot
    expect(calls).toBe(2)
  })

  it('reports IDENTITY_TIMEOUT when every attempt times out', async () => {
    vi.useFakeTimers()
    const messenger = verified({ identity: () => new Promise(() => {}) })
    const boot = messenger.boot({ userId: '42' })
    boot.catch(() => {})
    await vi.advanceTimersByTimeAsync(5 * 10_000 + 1000 + 2000 + 4000 + 5000)
    await expect(boot).rejects.toMatchObject({ code: 'IDENTITY_TIMEOUT' })
  })

  it('reports IDENTITY_NETWORK when the endpoint cannot be reached', async () => {
    vi.useFakeTimers()
    identityEndpoint(() => HttpResponse.error())
    const boot = verified().boot({ userId: '42' })
    boot.catch(() => {})
    await vi.advanceTimersByTimeAsync(12_000)
    await expect(boot).rejects.toMatchObject({ code: 'IDENTITY_NETWORK' })
  })

  it('shares one request between concurrent boots of the same user', async () => {
    installWidget()
    const hits = identityEndpoint(() => HttpResponse.json(jwtBody('42')))
    const messenger = verified()
    await Promise.all([messenger.boot({ userId: '42' }), messenger.boot({ userId: '42' })])
    await messenger.boot({ userId: '42' })
    expect(hits.count).toBe(1)
    expect(callsTo('boot')).toHaveLength(1)
  })

  it('sends fetch options such as credentials and a CSRF header', async () => {
    installWidget()
    const seen = await identityRequestOf(
      verified({
        identity: {
          url: IDENTITY_URL,
          init: { credentials: 'include', headers: { 'x-csrf': 't0k' } },
        },
      }),
    )
    expect(seen?.headers.get('x-csrf')).toBe('t0k')
    expect(seen?.credentials).toBe('include')
  })

  it('accepts a custom transport and tells it the user, the reason and a signal', async () => {
    installWidget()
    const transport = vi.fn(async () => jwtBody('42'))
    await verified({ identity: transport }).boot({ userId: '42' })
    expect(transport).toHaveBeenCalledWith({
      userId: '42',
      reason: 'boot',
      signal: expect.any(AbortSignal),
    })
    expect(callsTo('boot')[0]?.[1]).toMatchObject({ user_id: '42' })
  })

  it('discards a response that arrives after shutdown, and the interrupted boot() rejects', async () => {
    installWidget()
    let answer: (body: unknown) => void = () => {}
    let signal: AbortSignal | undefined
    const messenger = verified({
      identity: (context) => {
        signal = context.signal
        return new Promise((resolve) => {
          answer = resolve as typeof answer
        })
      },
    })
    const boot = messenger.boot({ userId: '42' })
    messenger.shutdown()
    answer(jwtBody('42'))
    await expect(boot).rejects.toMatchObject({ code: 'BOOT_INTERRUPTED' })
    expect(signal?.aborted).toBe(true)
    expect(callsTo('boot')).toEqual([])
    expect(messenger.getSnapshot()).toMatchObject({ status: 'shut-down', identity: null })
  })

  it("discards the first user's response after a switch to another user", async () => {
    installWidget()
    const answers: Record<string, (body: unknown) => void> = {}
    const messenger = verified({
      identity: ({ userId = '' }) =>
        new Promise((resolve) => {
          answers[userId] = resolve as (body: unknown) => void
        }),
    })
    const first = messenger.boot({ userId: '1' })
    const second = messenger.boot({ userId: '2' })
    answers['2']?.(jwtBody('2'))
    answers['1']?.(jwtBody('1'))
    await second
    await expect(first).rejects.toMatchObject({ code: 'BOOT_INTERRUPTED' })
    expect(
      callsTo('boot').map(([, settings]) => (settings as { user_id: string }).user_id),
    ).toEqual(['2'])
  })

  it('shuts the first user down before booting another one', async () => {
    installWidget()
    identityEndpoint(() => HttpResponse.json(jwtBody('1')))
    const messenger = verified()
    await messenger.boot({ userId: '1' })
    identityEndpoint(() => HttpResponse.json(jwtBody('2')))
    await messenger.boot({ userId: '2' })
    expect(callsTo('boot').length).toBe(2)
    expect(callsTo('shutdown').length).toBe(1)
    expect(messenger.getSnapshot().identity?.userId).toBe('2')
  })

  it('boot() again after an identity failure asks the endpoint again', async () => {
    installWidget()
    let calls = 0
    const hits = identityEndpoint(() =>
      ++calls === 1 ? new HttpResponse(null, { status: 401 }) : HttpResponse.json(jwtBody('42')),
    )
    const messenger = verified()
    await expect(messenger.boot({ userId: '42' })).rejects.toBeInstanceOf(MessengerError)
    await messenger.boot({ userId: '42' })
    expect(hits.count).toBe(2)
    expect(messenger.getSnapshot()).toMatchObject({ status: 'booted', error: null })
  })

  it('reports identifying while the request runs, then booted once the widget loaded', async () => {
    identityEndpoint(() => HttpResponse.json(jwtBody('42')))
    const messenger = verified()
    const statuses: string[] = []
    messenger.subscribe(() => statuses.push(messenger.getSnapshot().status))
    await messenger.boot({ userId: '42' })
    finishLoading()
    await messenger.ready()
    expect(statuses).toEqual(['identifying', 'loading', 'booted'])
  })
})

// What the browser checks in the endpoint's answer before anything reaches Intercom.
describe('identity: what the endpoint must answer', () => {
  const rejects = async (body: Record<string, unknown>) => {
    installWidget()
    identityEndpoint(() => HttpResponse.json(body))
    await expect(verified().boot()).rejects.toMatchObject({
      code: 'IDENTITY_INVALID',
    })
    expect(callsTo('boot')).toEqual([])
  }

  it.each([
    ['a numeric user_id', { user_id: 42, user_hash: HASH }],
    ['an empty user_id', { user_id: '', user_hash: HASH }],
    [
      'a user_hash with a character before the 64 hex digits',
      { user_id: '42', user_hash: `x${HASH}` },
    ],
    [
      'a user_hash with a character after the 64 hex digits',
      { user_id: '42', user_hash: `${HASH}0` },
    ],
    ['a user_hash of 63 hex digits', { user_id: '42', user_hash: HASH.slice(1) }],
    ['a user_hash that is not hex', { user_id: '42', user_hash: 'g'.repeat(64) }],
  ])('refuses %s, and boots nobody', async (_name, body) => {
    await rejects(body)
  })

  it('accepts a user_hash in upper-case hex', async () => {
    installWidget()
    identityEndpoint(() => HttpResponse.json({ user_id: '42', user_hash: HASH.toUpperCase() }))
    await verified().boot({ userId: '42' })
    expect(callsTo('boot')[0]?.[1]).toMatchObject({ user_hash: HASH.toUpperCase() })
  })

  it("lets the token's own exp decide expiry, whatever the body's expires_at says", async () => {
    installWidget()
    const expired = {
      user_id: '42',
      intercom_user_jwt: fakeJwt({ user_id: '42', exp: inSeconds(-10) }),
      expires_at: inSeconds(3600),
    }
    identityEndpoint(() => HttpResponse.json(expired))
    await expect(verified().boot({ userId: '42' })).rejects.toMatchObject({
      code: 'IDENTITY_EXPIRED',
    })
    expect(callsTo('boot')).toEqual([])

    const exp = inSeconds(1800)
    const valid = {
      user_id: '42',
      intercom_user_jwt: fakeJwt({ user_id: '42', exp }),
      expires_at: inSeconds(-10),
    }
    identityEndpoint(() => HttpResponse.json(valid))
    const messenger = verified()
    await messenger.boot({ userId: '42' })
    expect(messenger.getSnapshot().identity).toEqual({
      userId: '42',
      method: 'jwt',
      expiresAt: exp,
    })
  })

  it("falls back to the body's expires_at when the token has no exp", async () => {
    installWidget()
    identityEndpoint(() =>
      HttpResponse.json({
        user_id: '42',
        intercom_user_jwt: fakeJwt({ user_id: '42' }),
        expires_at: inSeconds(-10),
      }),
    )
    await expect(verified().boot({ userId: '42' })).rejects.toMatchObject({
      code: 'IDENTITY_EXPIRED',
    })
    const forever = { user_id: '42', intercom_user_jwt: fakeJwt({ user_id: '42' }) }
    identityEndpoint(() => HttpResponse.json(forever))
    const messenger = verified()
    await messenger.boot({ userId: '42' })
    expect(callsTo('boot')).toHaveLength(1)
    expect(messenger.getSnapshot().identity).toMatchObject({ userId: '42', method: 'jwt' })
  })

  it('reads a token whose payload uses the base64url characters - and _', async () => {
    installWidget()
    // '>>>' and '???' encode to base64 with '+' and '/', which base64url writes as '-' and '_'.
    const userId = 'user>>>???'
    const body = { ...jwtBody(userId), user_id: userId }
    body.intercom_user_jwt = fakeJwt({ user_id: userId, exp: body.expires_at })
    const payload = body.intercom_user_jwt.split('.')[1] ?? ''
    expect(payload).toMatch(/-/)
    expect(payload).toMatch(/_/)
    identityEndpoint(() => HttpResponse.json(body))
    await verified().boot({ userId })
    expect(callsTo('boot')[0]?.[1]).toMatchObject({ user_id: userId })
  })

  it('asks nothing more of the endpoint once the session ends during a retry wait', async () => {
    vi.useFakeTimers()
    installWidget()
    const hits = identityEndpoint(() => new HttpResponse(null, { status: 500 }))
    const messenger = verified()
    const boot = messenger.boot({ userId: '42' })
    boot.catch(() => {})
    await vi.advanceTimersByTimeAsync(500)
    expect(hits.count).toBe(1)
    messenger.shutdown()
    await vi.advanceTimersByTimeAsync(30_000)
    expect(hits.count).toBe(1)
    expect(callsTo('boot')).toEqual([])
  })
  it('asks nothing more of the endpoint once the session ends while a request is in flight', async () => {
    vi.useFakeTimers()
    installWidget()
    let asked = 0
    // A transport that never answers, as a slow endpoint would not before the user signs out.
    const messenger = verified({
      identity: () => {
        asked++
        return new Promise(() => {})
      },
    })
    messenger.boot({ userId: '42' }).catch(() => {})
    await vi.advanceTimersByTimeAsync(500)
    messenger.shutdown()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(asked).toBe(1)
    expect(callsTo('boot')).toEqual([])
  })
})

// The messages a developer reads in the console: what happened, then what to do.
describe('identity: what each failure says', () => {
  const failureOf = async (body: unknown, userId = '42') => {
    installWidget()
    // Bodies that break the contract on purpose.
    const boot = verified({ identity: async () => body as IdentityResponse }).boot({ userId })
    return boot.then(
      () => undefined,
      (error: Error) => error.message,
    )
  }

  it.each([
    [
      'a body without proof',
      { user_id: '42' },
      'The identity endpoint sent no user_id with an intercom_user_jwt or hex user_hash: answer {"user_id", "intercom_user_jwt"} or {"user_id", "user_hash"} as JSON, as the signer package does.',
    ],
    [
      'another user than boot() asked for',
      { user_id: '43', user_hash: HASH },
      'The identity endpoint vouched for another user than boot() asked for: boot the user your server session holds, and sign the token for that same user_id.',
    ],
    [
      'a token that is not a JWT',
      { user_id: '42', intercom_user_jwt: 'not-a-jwt' },
      'The identity endpoint sent an intercom_user_jwt that is not a JWT: answer {"user_id", "intercom_user_jwt"} or {"user_id", "user_hash"} as JSON, as the signer package does.',
    ],
    [
      "a token for another user than the body's",
      { user_id: '42', intercom_user_jwt: fakeJwt({ user_id: '43' }) },
      "The identity endpoint's JWT is for another user_id than its response: boot the user your server session holds, and sign the token for that same user_id.",
    ],
    [
      'an expired token',
      { user_id: '42', intercom_user_jwt: fakeJwt({ user_id: '42', exp: inSeconds(-1) }) },
      "The identity endpoint's JWT has already expired: check the server clock and the token lifetime.",
    ],
  ])('%s', async (_name, body, message) => {
    expect(await failureOf(body)).toBe(`[verified-messenger/core] ${message}`)
  })

  it('says when the endpoint does not answer JSON', async () => {
    installWidget()
    identityEndpoint(() => new HttpResponse('<html>', { status: 200 }))
    await expect(verified().boot({ userId: '42' })).rejects.toThrow(
      '[verified-messenger/core] The identity endpoint did not answer JSON: answer {"user_id", "intercom_user_jwt"} or {"user_id", "user_hash"} as JSON, as the signer package does.',
    )
  })

  it('asks the endpoint with cache: no-store, so no cache hands back an old identity', async () => {
    installWidget()
    const seen = await identityRequestOf(verified())
    expect(seen?.cache).toBe('no-store')
  })

  it('warns in development when the token expires in under a minute, and not at a minute', async () => {
    vi.useFakeTimers({ now: 1_767_225_600_000 })
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      installWidget()
      const body = (seconds: number) => ({
        user_id: '42',
        intercom_user_jwt: fakeJwt({ user_id: '42', exp: 1_767_225_600 + seconds }),
      })
      await verified({ identity: async () => body(60) }).boot({ userId: '42' })
      expect(warn).not.toHaveBeenCalled()
      await verified({ identity: async () => body(59) }).boot({ userId: '42' })
      expect(warn).toHaveBeenCalledWith(
        '[verified-messenger/core] the identity JWT expires in under a minute, so it is renewed very often: issue tokens that live about an hour.',
      )
    } finally {
      warn.mockRestore()
    }
  })
})

describe('identity: edges a refactor could move', () => {
  it('counts a token that expires this very second as expired', async () => {
    vi.useFakeTimers({ now: 1_767_225_600_000 })
    installWidget()
    const body = {
      user_id: '42',
      intercom_user_jwt: fakeJwt({ user_id: '42', exp: 1_767_225_600 }),
    }
    await expect(
      verified({ identity: async () => body }).boot({ userId: '42' }),
    ).rejects.toMatchObject({
      code: 'IDENTITY_EXPIRED',
    })
  })

  it('does not warn about a short-lived token in production', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    try {
      installWidget()
      const body = {
        user_id: '42',
        intercom_user_jwt: fakeJwt({ user_id: '42', exp: inSeconds(30) }),
      }
      await verified({ identity: async () => body }).boot({ userId: '42' })
      expect(warn).not.toHaveBeenCalled()
    } finally {
      warn.mockRestore()
      vi.unstubAllEnvs()
    }
  })

  it('refuses a token whose payload is JSON null as another user, without retrying', async () => {
    installWidget()
    const header = Buffer.from('{"alg":"HS256"}').toString('base64url')
    const transport = vi.fn(async () => ({
      user_id: '42',
      intercom_user_jwt: `${header}.${Buffer.from('null').toString('base64url')}.c2ln`,
    }))
    await expect(verified({ identity: transport }).boot({ userId: '42' })).rejects.toMatchObject({
      code: 'IDENTITY_MISMATCH',
    })
    expect(transport).toHaveBeenCalledOnce()
  })

  it('retries only HTTP failures by their status, not an error a transport reports with one', async () => {
    installWidget()
    const transport = vi.fn(async () => {
      throw new MessengerError('IDENTITY_INVALID', 'the session store answered garbage', 503)
    })
    await expect(verified({ identity: transport }).boot({ userId: '42' })).rejects.toMatchObject({
      code: 'IDENTITY_INVALID',
    })
    expect(transport).toHaveBeenCalledOnce()
  })

  it('says how long it waited when the endpoint times out', async () => {
    vi.useFakeTimers()
    const boot = verified({ identity: () => new Promise(() => {}) }).boot({ userId: '42' })
    boot.catch(() => {})
    await vi.advanceTimersByTimeAsync(5 * 10_000 + 1000 + 2000 + 4000 + 5000)
    await expect(boot).rejects.toThrow(
      '[verified-messenger/core] The identity endpoint timed out after 10000 ms: check that it is reachable.',
    )
  })

  it('says the request failed, and why, when the endpoint cannot be reached', async () => {
    vi.useFakeTimers()
    const boot = verified({
      identity: async () => {
        throw new TypeError('Failed to fetch')
      },
    }).boot({ userId: '42' })
    boot.catch(() => {})
    await vi.advanceTimersByTimeAsync(20_000)
    await expect(boot).rejects.toThrow(
      '[verified-messenger/core] The identity request failed (TypeError: Failed to fetch): check the network and the endpoint URL.',
    )
  })

  it('leaves no timer running once a legacy identity has booted', async () => {
    vi.useFakeTimers()
    installWidget()
    await verified({ identity: async () => ({ user_id: '42', user_hash: HASH }) }).boot({
      userId: '42',
    })
    expect(vi.getTimerCount()).toBe(0)
  })
})
