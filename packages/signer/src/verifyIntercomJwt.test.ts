import { createHmac } from 'node:crypto'
import { SignerError, signIntercomJwt, verifyIntercomJwt } from '@verified-messenger/signer'
import { SignJWT } from 'jose'
import jwt from 'jsonwebtoken'
import { describe, expect, it } from 'vitest'

const secret = 'messenger-secret-for-tests'
const key = new TextEncoder().encode(secret)
const t0 = 1767225600 // 2026-01-01T00:00:00Z, in seconds
const at = (seconds: number) => () => seconds * 1000

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

/** Builds a token by hand, for headers and payloads no well-behaved library would produce. */
function handMade(header: unknown, payload: unknown, signWith = secret): string {
  const signingInput = `${base64url(header)}.${base64url(payload)}`
  return `${signingInput}.${createHmac('sha256', signWith).update(signingInput).digest('base64url')}`
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
    const token = signIntercomJwt({ user_id: '1' }, 'old-secret')
    expect(verifyIntercomJwt(token, ['new-secret', 'old-secret']).user_id).toBe('1')
    expect(codeOf(() => verifyIntercomJwt(token, ['new-secret']))).toBe('ERR_JWT_SIGNATURE')
  })

  it('rejects a token signed with another secret', () => {
    const token = signIntercomJwt({ user_id: '1' }, 'another-secret')
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

  describe('expiry', () => {
    const token = signIntercomJwt({ user_id: '1' }, secret, { now: at(t0), expiresIn: 60 })

    it('accepts a token up to 5 seconds past exp by default', () => {
      expect(verifyIntercomJwt(token, secret, { now: at(t0 + 64) }).user_id).toBe('1')
      expect(codeOf(() => verifyIntercomJwt(token, secret, { now: at(t0 + 65) }))).toBe(
        'ERR_JWT_EXPIRED',
      )
    })

    it('honours a custom clock tolerance', () => {
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

    it('rejects a correctly signed payload that is not a JSON object', () => {
      expect(codeOf(() => verifyIntercomJwt(handMade({ alg: 'HS256' }, ['user_id']), secret))).toBe(
        'ERR_JWT_MALFORMED',
      )
      const signingInput = `${base64url({ alg: 'HS256' })}.${Buffer.from('{not json').toString('base64url')}`
      const token = `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`
      expect(codeOf(() => verifyIntercomJwt(token, secret))).toBe('ERR_JWT_MALFORMED')
    })
  })

  it.each([
    ['a number', 42],
    ['null', null],
    ['an empty string', ''],
    ['two segments', 'abc.def'],
    ['four segments', 'a.b.c.d'],
    ['an empty header', '.e30.sig'],
    ['a header that is not base64url', '%%%.e30.sig'],
    ['a header that is not JSON', 'bm90IGpzb24.e30.sig'],
  ])('rejects %s as ERR_JWT_MALFORMED', (_name, token) => {
    expect(codeOf(() => verifyIntercomJwt(token as never, secret))).toBe('ERR_JWT_MALFORMED')
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
    expect(codeOf(() => verifyIntercomJwt(token, secret, { clockTolerance: -1 }))).toBe(
      'ERR_OPTIONS',
    )
  })
})
