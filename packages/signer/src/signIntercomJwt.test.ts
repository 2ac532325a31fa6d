import { SignerError, signIntercomJwt } from '@verified-messenger/signer'
import { jwtVerify } from 'jose'
import jwt from 'jsonwebtoken'
import { describe, expect, it } from 'vitest'

const secret = 'messenger-secret-for-tests'
const now = () => Date.UTC(2026, 0, 1) // 1767225600 s
const issuedAt = 1767225600

function decodePart(token: string, index: number): unknown {
  return JSON.parse(Buffer.from(token.split('.')[index] ?? '', 'base64url').toString('utf8'))
}

describe('signIntercomJwt', () => {
  it('signs an HS256 JWT with the user claims, iat and an exp one hour later by default', () => {
    const token = signIntercomJwt(
      { user_id: '123', email: 'ada@example.com', name: 'Ada' },
      secret,
      { now },
    )
    expect(decodePart(token, 0)).toEqual({ alg: 'HS256', typ: 'JWT' })
    expect(decodePart(token, 1)).toEqual({
      user_id: '123',
      email: 'ada@example.com',
      name: 'Ada',
      iat: issuedAt,
      exp: issuedAt + 3600,
    })
  })

  it('passes other attributes through as signed claims, and leaves undefined ones out', () => {
    const token = signIntercomJwt(
      { user_id: '1', plan: 'pro', seats: 3, beta: true, company: { id: 'c1' }, email: undefined },
      secret,
      { now },
    )
    expect(decodePart(token, 1)).toEqual({
      user_id: '1',
      plan: 'pro',
      seats: 3,
      beta: true,
      company: { id: 'c1' },
      iat: issuedAt,
      exp: issuedAt + 3600,
    })
  })

  it('uses expiresIn in seconds, and leaves exp out when it is false', () => {
    expect(
      decodePart(signIntercomJwt({ user_id: '1' }, secret, { now, expiresIn: 60 }), 1),
    ).toMatchObject({
      exp: issuedAt + 60,
    })
    expect(
      decodePart(signIntercomJwt({ user_id: '1' }, secret, { now, expiresIn: false }), 1),
    ).toEqual({
      user_id: '1',
      iat: issuedAt,
    })
  })

  it('issues tokens that jose verifies', async () => {
    const token = signIntercomJwt({ user_id: 'ü-1', email: 'a@b.co', tier: 2 }, secret)
    const { payload, protectedHeader } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ['HS256'],
    })
    expect(protectedHeader.alg).toBe('HS256')
    expect(payload).toMatchObject({ user_id: 'ü-1', email: 'a@b.co', tier: 2 })
  })

  it('issues tokens that jsonwebtoken verifies', () => {
    const token = signIntercomJwt({ user_id: '42', name: 'Zoë' }, secret)
    expect(jwt.verify(token, secret, { algorithms: ['HS256'] })).toMatchObject({
      user_id: '42',
      name: 'Zoë',
    })
  })

  it.each([
    ['claims that are not an object', 'user-1', 'ERR_CLAIMS'],
    ['claims without user_id', { email: 'a@b.co' }, 'ERR_USER_ID'],
    ['a numeric user_id', { user_id: 42 }, 'ERR_USER_ID'],
    ['an over-long user_id', { user_id: 'x'.repeat(300) }, 'ERR_USER_ID'],
    ['a non-string email', { user_id: '1', email: 5 }, 'ERR_CLAIMS'],
    ['an exp claim', { user_id: '1', exp: 2000000000 }, 'ERR_CLAIMS'],
    ['an iat claim', { user_id: '1', iat: 1 }, 'ERR_CLAIMS'],
    ['a Date attribute', { user_id: '1', signed_up: new Date() }, 'ERR_CLAIMS'],
    ['a bigint attribute', { user_id: '1', big: 1n }, 'ERR_CLAIMS'],
    ['a NaN attribute', { user_id: '1', score: Number.NaN }, 'ERR_CLAIMS'],
    ['a function attribute', { user_id: '1', fn: () => 1 }, 'ERR_CLAIMS'],
    ['a class instance attribute', { user_id: '1', tags: new Set(['a']) }, 'ERR_CLAIMS'],
    ['undefined inside an array', { user_id: '1', list: [1, undefined] }, 'ERR_CLAIMS'],
  ])('rejects %s with a SignerError', (_name, claims, code) => {
    expect(() => signIntercomJwt(claims as never, secret)).toThrow(
      expect.objectContaining({ code }),
    )
    expect(() => signIntercomJwt(claims as never, secret)).toThrow(SignerError)
  })

  it('rejects a cyclic attribute with a SignerError rather than a stack overflow', () => {
    const company: Record<string, unknown> = { id: 'c1' }
    company.self = company
    expect(() => signIntercomJwt({ user_id: '1', company } as never, secret)).toThrow(
      expect.objectContaining({ code: 'ERR_CLAIMS' }),
    )
  })

  it.each([
    ['zero', 0],
    ['a fraction', 1.5],
    ['a string', '1h'],
    ['true', true],
  ])('rejects expiresIn of %s', (_name, expiresIn) => {
    expect(() =>
      signIntercomJwt({ user_id: '1' }, secret, { expiresIn: expiresIn as never }),
    ).toThrow(expect.objectContaining({ code: 'ERR_OPTIONS' }))
  })

  it('rejects options that are not an object, such as a bare lifetime', () => {
    expect(() => signIntercomJwt({ user_id: '1' }, secret, 3600 as never)).toThrow(
      expect.objectContaining({ code: 'ERR_OPTIONS' }),
    )
    expect(() => signIntercomJwt({ user_id: '1' }, secret, null as never)).toThrow(
      expect.objectContaining({ code: 'ERR_OPTIONS' }),
    )
  })

  it('rejects a missing or empty secret', () => {
    expect(() => signIntercomJwt({ user_id: '1' }, undefined as never)).toThrow(
      expect.objectContaining({ code: 'ERR_SECRET' }),
    )
    expect(() => signIntercomJwt({ user_id: '1' }, '')).toThrow(
      expect.objectContaining({ code: 'ERR_SECRET' }),
    )
  })
})
