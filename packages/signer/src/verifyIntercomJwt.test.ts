import { createHmac } from 'node:crypto'
import { SignerError, signIntercomJwt, verifyIntercomJwt } from '@verified-messenger/signer'
import { SignJWT } from 'jose'
import jwt from 'jsonwebtoken'
import { describe, expect, it } from 'vitest'

const secret = 'messenger-secret-for-tests-0123456789abcdef'
const key = new TextEncoder().encode(secret)
const t0 = 1767225600 // 2026-01-01T00:00:00Z, in seconds
const at = (seconds: number) => () => seconds * 1000

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** Builds a token by hand, for headers and payloads no well-behaved library would produce. */
function handMade(header: unknown, payload: unknown, signWith = secret): string {
  const signingInput = `${base64url(header)}.${base64url(payload)}`
  return `${signingInput}.${createHmac('sha256', signWith).update(signingInput).digest('base64url')}`
}

/** Signs a payload given as raw JSON text, for numbers JSON.stringify cannot write (1e999). */
function rawPayload(json: string): string {
  const signingInput = `${base64url({ alg: 'HS256' })}.${Buffer.from(json).toString('base64url')}`
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`
}

/** The message a call throws, or undefined when it succeeds. */
function messageOf(call: () => unknown): string | undefined {
  try {
    call()
  } catch (error) {
    return (error as Error).message
  }
  return undefined
}

function codeOf(call: () => unknown): string | undefined {
  try {
    call()
  } catch (error) {
    expect(error).toBeInstanceOf(SignerError)
    return (error as SignerError).code
  }
  return undefined
}

describe('verifyIntercomJwt', () => {
  it('returns the claims of a token it signed', () => {
    const token = signIntercomJwt({ user_id: '7', email: 'a@b.co', plan: 'pro' }, secret, {
      now: at(t0),
    })
    expect(verifyIntercomJwt(token, secret, { now: at(t0 + 10) })).toEqual({
      user_id: '7',
      email: 'a@b.co',
      plan: 'pro',
      iat: t0,
      exp: t0 + 3600,
    })
  })

  it('verifies tokens signed by jose', async () => {
    const token = await new SignJWT({ user_id: 'jose-user', email: 'j@o.se' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(key)
    expect(verifyIntercomJwt(token, secret)).toMatchObject({
      user_id: 'jose-user',
      email: 'j@o.se',
    })
  })

  it('verifies tokens signed by jsonwebtoken', () => {
    const token = jwt.sign({ user_id: 'jwt-user', name: 'Zoë' }, secret, {
      algorithm: 'HS256',
      expiresIn: 60,
    })
    expect(verifyIntercomJwt(token, secret)).toMatchObject({ user_id: 'jwt-user', name: 'Zoë' })
  })

  it('accepts a token signed with any secret of the rotation list', () => {
    const token = signIntercomJwt({ user_id: '1' }, 'old-secret-0123456789abcdef-0123456789')
    expect(
      verifyIntercomJwt(token, [
        'new-secret-0123456789abcdef-0123456789',
        'old-secret-0123456789abcdef-0123456789',
      ]).user_id,
    ).toBe('1')
    expect(codeOf(() => verifyIntercomJwt(token, ['new-secret-0123456789abcdef-0123456789']))).toBe(
      'ERR_JWT_SIGNATURE',
    )
  })

  it('rejects a token signed with another secret', () => {
    const token = signIntercomJwt({ user_id: '1' }, 'another-secret-0123456789abcdef-0123456789')
    expect(codeOf(() => verifyIntercomJwt(token, secret))).toBe('ERR_JWT_SIGNATURE')
  })

  it('rejects alg none, even with no signature at all', () => {
    const token = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ user_id: '1' })}.`
    expect(codeOf(() => verifyIntercomJwt(token, secret))).toBe('ERR_JWT_ALG')
  })

  it('rejects HS512 and RS256 headers before checking any MAC', async () => {
    const hs512 = await new SignJWT({ user_id: '1' }).setProtectedHeader({ alg: 'HS512' }).sign(key)
    expect(codeOf(() => verifyIntercomJwt(hs512, secret))).toBe('ERR_JWT_ALG')
    expect(
      codeOf(() => verifyIntercomJwt(handMade({ alg: 'RS256' }, { user_id: '1' }), secret)),
    ).toBe('ERR_JWT_ALG')
    expect(
      codeOf(() => verifyIntercomJwt(handMade({ typ: 'JWT' }, { user_id: '1' }), secret)),
    ).toBe('ERR_JWT_ALG')
  })

  it('rejects a header with crit extensions it does not understand', () => {
    const token = handMade({ alg: 'HS256', crit: ['b64'], b64: false }, { user_id: '1' })
    expect(codeOf(() => verifyIntercomJwt(token, secret))).toBe('ERR_JWT_MALFORMED')
  })

  it('rejects a second spelling of the same signature (the spare bits of the last base64url character)', () => {
    const token = signIntercomJwt({ user_id: '1' }, secret)
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const last = alphabet.indexOf(token.at(-1) ?? '')
    const twin = token.slice(0, -1) + alphabet[last ^ 1]
    // Both spellings decode to the same 32 bytes ...
    expect(Buffer.from(twin.split('.')[2] ?? '', 'base64url')).toEqual(
      Buffer.from(token.split('.')[2] ?? '', 'base64url'),
    )
    // ... but only the canonical one is the token that was issued.
    expect(codeOf(() => verifyIntercomJwt(twin, secret))).toBe('ERR_JWT_SIGNATURE')
  })

  it('rejects a signature of another length with a SignerError, not a RangeError', () => {
    const token = signIntercomJwt({ user_id: '1' }, secret)
    expect(codeOf(() => verifyIntercomJwt(`${token}AAAA`, secret))).toBe('ERR_JWT_SIGNATURE')
    expect(codeOf(() => verifyIntercomJwt(token.slice(0, -4), secret))).toBe('ERR_JWT_SIGNATURE')
  })

  it('says what to check when the signature does not match', () => {
    const token = signIntercomJwt({ user_id: '1' }, 'another-secret-0123456789abcdef-0123456789')
    expect(messageOf(() => verifyIntercomJwt(token, secret))).toBe(
      '[verified-messenger/signer] the token signature does not match the secret. Check that the server signs with the same Messenger secret it verifies with.',
    )
  })

  it('refuses a token over 16384 characters before decoding or MACing it, however well signed', () => {
    const padding = 'x'.repeat(16_384)
    const huge = handMade({ alg: 'HS256' }, { user_id: '1', padding })
    expect(codeOf(() => verifyIntercomJwt(huge, secret))).toBe('ERR_JWT_MALFORMED')
    expect(messageOf(() => verifyIntercomJwt(huge, secret))).toBe(
      `[verified-messenger/signer] the token is ${huge.length} characters long; the limit is 16384. An identity token signs the user's id and a few attributes, not whole records. Pass the intercom_user_jwt string exactly as it was issued.`,
    )
    // Refused before the header is read: an alg none token of that size is not even ERR_JWT_ALG.
    const unsigned = `${base64url({ alg: 'none' })}.${base64url({ user_id: '1', padding })}.`
    expect(codeOf(() => verifyIntercomJwt(unsigned, secret))).toBe('ERR_JWT_MALFORMED')
  })

  it('verifies a well-signed token of exactly 16384 characters', () => {
    const sized = (length: number) =>
      handMade({ alg: 'HS256' }, { user_id: '1', pad: 'x'.repeat(length) })
    const overhead = sized(0).length
    // base64url grows 3 bytes into 4 characters: find the padding that lands on the limit exactly.
    let pad = Math.floor(((16_384 - overhead) * 3) / 4)
    while (sized(pad).length > 16_384) pad--
    const token = sized(pad)
    expect(token.length).toBeGreaterThan(16_380)
    expect(verifyIntercomJwt(token, secret).user_id).toBe('1')
    let over = pad
    while (sized(over).length <= 16_384) over++
    expect(codeOf(() => verifyIntercomJwt(sized(over), secret))).toBe('ERR_JWT_MALFORMED')
  })

  it('accepts an HS256 header spelled differently from the one it issues', () => {
    const token = handMade({ typ: 'JWT', alg: 'HS256', kid: 'k1' }, { user_id: '1' })
    expect(verifyIntercomJwt(token, secret).user_id).toBe('1')
  })

  it('says which algorithm it accepts, and that crit is not supported', () => {
    expect(
      messageOf(() => verifyIntercomJwt(handMade({ alg: 'HS512' }, { user_id: '1' }), secret)),
    ).toBe(
      '[verified-messenger/signer] the token header names an algorithm other than HS256. Intercom tokens are HS256 only; sign with signIntercomJwt.',
    )
    const crit = handMade({ alg: 'HS256', crit: null }, { user_id: '1' })
    expect(messageOf(() => verifyIntercomJwt(crit, secret))).toBe(
      '[verified-messenger/signer] the token header has a crit parameter, which this verifier does not support. Sign without extensions.',
    )
  })

  describe('expiry', () => {
    // Signed in each test rather than here, where signing would run outside any test.
    const expiring = () => signIntercomJwt({ user_id: '1' }, secret, { now: at(t0), expiresIn: 60 })

    it('accepts a token up to 5 seconds past exp by default', () => {
      const token = expiring()
      expect(verifyIntercomJwt(token, secret, { now: at(t0 + 64) }).user_id).toBe('1')
      expect(codeOf(() => verifyIntercomJwt(token, secret, { now: at(t0 + 65) }))).toBe(
        'ERR_JWT_EXPIRED',
      )
    })

    it('honours a custom clock tolerance', () => {
      const token = expiring()
      expect(
        codeOf(() => verifyIntercomJwt(token, secret, { now: at(t0 + 60), clockTolerance: 0 })),
      ).toBe('ERR_JWT_EXPIRED')
      expect(
        verifyIntercomJwt(token, secret, { now: at(t0 + 80), clockTolerance: 30 }).user_id,
      ).toBe('1')
    })

    it('rejects a token whose nbf is more than the tolerance ahead', () => {
      const early = handMade({ alg: 'HS256' }, { user_id: '1', nbf: t0 + 10 })
      expect(verifyIntercomJwt(early, secret, { now: at(t0 + 5) }).user_id).toBe('1')
      expect(codeOf(() => verifyIntercomJwt(early, secret, { now: at(t0 + 4) }))).toBe(
        'ERR_JWT_NOT_YET_VALID',
      )
    })

    it('says how long ago the token expired and what to do', () => {
      const token = expiring()
      expect(messageOf(() => verifyIntercomJwt(token, secret, { now: at(t0 + 70) }))).toBe(
        '[verified-messenger/signer] the token expired 10 s ago (tolerance 5 s). Fetch a fresh one from the identity endpoint.',
      )
    })

    it('counts whole seconds of the clock, as exp does', () => {
      const token = expiring()
      const justBefore = () => (t0 + 59) * 1000 + 999
      expect(verifyIntercomJwt(token, secret, { now: justBefore, clockTolerance: 0 }).user_id).toBe(
        '1',
      )
    })

    it('says how far ahead nbf is and what to check', () => {
      const early = handMade({ alg: 'HS256' }, { user_id: '1', nbf: t0 + 100 })
      expect(messageOf(() => verifyIntercomJwt(early, secret, { now: at(t0) }))).toBe(
        "[verified-messenger/signer] the token is not valid for another 100 s (tolerance 5 s). Check the signing server's clock.",
      )
      expect(
        verifyIntercomJwt(early, secret, { now: at(t0 + 100), clockTolerance: 0 }).user_id,
      ).toBe('1')
    })

    it.each([
      ['exp', '{"user_id":"1","exp":1e999}'],
      ['nbf', '{"user_id":"1","nbf":-1e999}'],
      ['iat', '{"user_id":"1","iat":1e999}'],
    ])('rejects a %s of 1e999 (Infinity once parsed) as ERR_JWT_CLAIM', (name, json) => {
      const token = rawPayload(json)
      expect(codeOf(() => verifyIntercomJwt(token, secret, { now: at(t0) }))).toBe('ERR_JWT_CLAIM')
      expect(messageOf(() => verifyIntercomJwt(token, secret, { now: at(t0) }))).toBe(
        `[verified-messenger/signer] the token ${name} is not a number of seconds since the epoch.`,
      )
    })

    it('accepts a token without exp, since Intercom only recommends it', () => {
      const forever = signIntercomJwt({ user_id: '1' }, secret, { expiresIn: false })
      expect(verifyIntercomJwt(forever, secret, { now: at(t0 * 2) }).user_id).toBe('1')
    })
  })

  describe('claims', () => {
    it('requires the expected user when userId is given', () => {
      const token = signIntercomJwt({ user_id: '1' }, secret)
      expect(verifyIntercomJwt(token, secret, { userId: '1' }).user_id).toBe('1')
      expect(codeOf(() => verifyIntercomJwt(token, secret, { userId: '2' }))).toBe('ERR_JWT_CLAIM')
    })

    it.each([
      ['no user_id', { email: 'a@b.co' }],
      ['a numeric user_id', { user_id: 1 }],
      ['an empty user_id', { user_id: '' }],
      ['a string exp', { user_id: '1', exp: '2030-01-01' }],
      ['a string nbf', { user_id: '1', nbf: 'soon' }],
      ['a null iat', { user_id: '1', iat: null }],
    ])('rejects a correctly signed token with %s', (_name, payload) => {
      expect(codeOf(() => verifyIntercomJwt(handMade({ alg: 'HS256' }, payload), secret))).toBe(
        'ERR_JWT_CLAIM',
      )
    })

    it('says why a token without a usable user_id, or for another user, is refused', () => {
      expect(
        messageOf(() => verifyIntercomJwt(handMade({ alg: 'HS256' }, { user_id: '' }), secret)),
      ).toBe(
        '[verified-messenger/signer] the token has no user_id string. Intercom requires one; sign with signIntercomJwt.',
      )
      const token = signIntercomJwt({ user_id: '1' }, secret)
      expect(messageOf(() => verifyIntercomJwt(token, secret, { userId: '2' }))).toBe(
        '[verified-messenger/signer] the token user_id is not the user expected. Never boot the Messenger with it.',
      )
    })

    it('rejects a correctly signed payload that is not a JSON object', () => {
      expect(codeOf(() => verifyIntercomJwt(handMade({ alg: 'HS256' }, ['user_id']), secret))).toBe(
        'ERR_JWT_MALFORMED',
      )
      const token = rawPayload('{not json')
      expect(messageOf(() => verifyIntercomJwt(token, secret))).toBe(
        '[verified-messenger/signer] the token payload is not base64url-encoded JSON. Pass the intercom_user_jwt string exactly as it was issued.',
      )
      for (const json of ['null', '"user_id"', '7']) {
        expect(messageOf(() => verifyIntercomJwt(rawPayload(json), secret))).toBe(
          '[verified-messenger/signer] the token payload is not a JSON object. Pass the intercom_user_jwt string exactly as it was issued.',
        )
      }
    })
  })

  it.each([
    ['a number', 42],
    ['null', null],
    ['an empty string', ''],
    ['two segments', 'abc.def'],
    ['four segments', 'a.b.c.d'],
    ['an empty payload', 'e30..sig'],
    ['a header of JSON null', 'bnVsbA.e30.sig'],
    ['an empty header', '.e30.sig'],
    ['a header that is not base64url', '%%%.e30.sig'],
    ['a header that is not JSON', 'bm90IGpzb24.e30.sig'],
  ])('rejects %s as ERR_JWT_MALFORMED', (_name, token) => {
    expect(codeOf(() => verifyIntercomJwt(token as never, secret))).toBe('ERR_JWT_MALFORMED')
  })

  it('says what a malformed token should look like', () => {
    expect(messageOf(() => verifyIntercomJwt('abc.def', secret))).toBe(
      '[verified-messenger/signer] the token is not three base64url segments joined by dots (header.payload.signature). Pass the intercom_user_jwt string exactly as it was issued.',
    )
    for (const token of ['.e30.sig', 'e30..sig', 'e30.e30']) {
      expect(messageOf(() => verifyIntercomJwt(token, secret))).toContain(
        'the token is not three base64url segments joined by dots (header.payload.signature).',
      )
    }
    expect(messageOf(() => verifyIntercomJwt(null as never, secret))).toBe(
      '[verified-messenger/signer] the token must be a string, got null. Pass the intercom_user_jwt string exactly as it was issued.',
    )
    expect(messageOf(() => verifyIntercomJwt(42 as never, secret))).toContain('got number.')
    expect(messageOf(() => verifyIntercomJwt('%%%.e30.sig', secret))).toContain(
      'the token header is not base64url-encoded JSON.',
    )
  })

  it('names the secret at fault, in the list or alone, and says what to pass', () => {
    const token = signIntercomJwt({ user_id: '1' }, secret)
    expect(messageOf(() => verifyIntercomJwt(token, []))).toBe(
      '[verified-messenger/signer] the list of secrets is empty. Pass at least the current secret.',
    )
    expect(messageOf(() => verifyIntercomJwt(token, [secret, '']))).toMatch(
      /^\[verified-messenger\/signer\] secrets\[1\] is empty\./,
    )
    expect(messageOf(() => verifyIntercomJwt(token, [secret, 'short']))).toMatch(
      /^\[verified-messenger\/signer\] secrets\[1\] is shorter than 32 characters/,
    )
    expect(messageOf(() => verifyIntercomJwt(token, 'short'))).toMatch(
      /^\[verified-messenger\/signer\] secret is shorter than 32 characters/,
    )
  })

  it('rejects an empty secret list and bad secrets in it', () => {
    const token = signIntercomJwt({ user_id: '1' }, secret)
    expect(codeOf(() => verifyIntercomJwt(token, []))).toBe('ERR_SECRET')
    expect(codeOf(() => verifyIntercomJwt(token, [secret, '']))).toBe('ERR_SECRET')
    expect(codeOf(() => verifyIntercomJwt(token, undefined as never))).toBe('ERR_SECRET')
  })

  it('rejects a negative clock tolerance and options that are not an object', () => {
    const token = signIntercomJwt({ user_id: '1' }, secret)
    expect(codeOf(() => verifyIntercomJwt(token, secret, null as never))).toBe('ERR_OPTIONS')
    expect(codeOf(() => verifyIntercomJwt(token, secret, '1' as never))).toBe('ERR_OPTIONS')
    for (const clockTolerance of [-1, Number.NaN, Number.POSITIVE_INFINITY, '5']) {
      expect(codeOf(() => verifyIntercomJwt(token, secret, { clockTolerance } as never))).toBe(
        'ERR_OPTIONS',
      )
      expect(messageOf(() => verifyIntercomJwt(token, secret, { clockTolerance } as never))).toBe(
        '[verified-messenger/signer] options.clockTolerance must be a number of seconds, 0 or more (the default is 5).',
      )
    }
    expect(messageOf(() => verifyIntercomJwt(token, secret, null as never))).toBe(
      "[verified-messenger/signer] options must be an object like { userId: '123' }, got null.",
    )
  })
})
