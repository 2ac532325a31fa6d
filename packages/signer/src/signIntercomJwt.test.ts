import { SignerError, signIntercomJwt } from '@verified-messenger/signer'
import { jwtVerify } from 'jose'
import jwt from 'jsonwebtoken'
import { describe, expect, it } from 'vitest'

const secret = 'messenger-secret-for-tests-0123456789abcdef'
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

  const cyclicList: unknown[] = ['a']
  cyclicList.push(cyclicList)
  const nested = (levels: number): unknown =>
    levels === 0 ? 'leaf' : { deeper: nested(levels - 1) }

  // Each message names the claim and says what to do: that guidance is what a developer reads.
  it.each([
    [
      'claims that are a string',
      'user-1',
      'ERR_CLAIMS',
      "claims must be a plain object like { user_id: '123', email: 'a@b.co' }, got string.",
    ],
    [
      'missing claims',
      undefined,
      'ERR_CLAIMS',
      "claims must be a plain object like { user_id: '123', email: 'a@b.co' }, got undefined.",
    ],
    [
      'null claims',
      null,
      'ERR_CLAIMS',
      "claims must be a plain object like { user_id: '123', email: 'a@b.co' }, got null.",
    ],
    [
      'claims that are an array',
      [{ user_id: '1' }],
      'ERR_CLAIMS',
      "claims must be a plain object like { user_id: '123', email: 'a@b.co' }, got an array.",
    ],
    [
      'claims that are a class instance',
      new Map([['user_id', '1']]),
      'ERR_CLAIMS',
      'claims must be a plain object',
    ],
    [
      'claims without user_id',
      { email: 'a@b.co' },
      'ERR_USER_ID',
      'claims.user_id must be a string, got undefined.',
    ],
    [
      'a numeric user_id',
      { user_id: 42 },
      'ERR_USER_ID',
      'claims.user_id must be a string, got number. Convert it with String(claims.user_id).',
    ],
    [
      'an empty user_id',
      { user_id: '' },
      'ERR_USER_ID',
      "claims.user_id is empty. Pass the signed-in user's id from your session.",
    ],
    [
      'an over-long user_id',
      { user_id: 'x'.repeat(300) },
      'ERR_USER_ID',
      "claims.user_id is 300 characters long; the limit is 255. Pass the user's id, not a token or an object.",
    ],
    [
      'a non-string email',
      { user_id: '1', email: 5 },
      'ERR_CLAIMS',
      'claims.email must be a string, got number.',
    ],
    [
      'a non-string name',
      { user_id: '1', name: { first: 'Ada' } },
      'ERR_CLAIMS',
      'claims.name must be a string, got object.',
    ],
    [
      'a null name',
      { user_id: '1', name: null },
      'ERR_CLAIMS',
      'claims.name must be a string, got null.',
    ],
    [
      'an exp claim',
      { user_id: '1', exp: 2000000000 },
      'ERR_CLAIMS',
      'claims.exp is set by the signer. Remove it and use the expiresIn option (seconds) or the now option instead.',
    ],
    ['an iat claim', { user_id: '1', iat: 1 }, 'ERR_CLAIMS', 'claims.iat is set by the signer.'],
    [
      'an nbf claim',
      { user_id: '1', nbf: 1767225600 },
      'ERR_CLAIMS',
      'claims.nbf is set by the signer.',
    ],
    [
      'an exp of 1e999 (Infinity)',
      { user_id: '1', exp: Number.POSITIVE_INFINITY },
      'ERR_CLAIMS',
      'claims.exp is set by the signer.',
    ],
    [
      'a Date attribute',
      { user_id: '1', signed_up: new Date() },
      'ERR_CLAIMS',
      'claims.signed_up is a Date, which cannot be signed. Intercom expects dates as unix timestamps: Math.floor(date.getTime() / 1000).',
    ],
    [
      'a bigint attribute',
      { user_id: '1', big: 1n },
      'ERR_CLAIMS',
      'claims.big is a bigint, which cannot be signed. Convert it to a string or a number.',
    ],
    [
      'a NaN attribute',
      { user_id: '1', score: Number.NaN },
      'ERR_CLAIMS',
      'claims.score is NaN, which cannot be signed. Use a finite number or null.',
    ],
    [
      'an attribute of 1e999 (Infinity)',
      { user_id: '1', score: Number.POSITIVE_INFINITY },
      'ERR_CLAIMS',
      'claims.score is Infinity, which cannot be signed.',
    ],
    [
      'a function attribute',
      { user_id: '1', fn: () => 1 },
      'ERR_CLAIMS',
      'claims.fn is a function, which cannot be signed. Only JSON values can be signed.',
    ],
    [
      'a symbol inside an object',
      { user_id: '1', company: { tag: Symbol('x') } },
      'ERR_CLAIMS',
      'claims.company.tag is a symbol',
    ],
    [
      'a class instance attribute',
      { user_id: '1', tags: new Set(['a']) },
      'ERR_CLAIMS',
      'claims.tags is a class instance, which cannot be signed. Copy the fields you need into a plain object.',
    ],
    [
      'undefined inside an array',
      { user_id: '1', list: [1, undefined] },
      'ERR_CLAIMS',
      'claims.list[1] is undefined, which cannot be signed. Use null.',
    ],
    [
      'a function inside an array',
      { user_id: '1', list: ['a', () => 1] },
      'ERR_CLAIMS',
      'claims.list[1] is a function',
    ],
    [
      'a cyclic array',
      { user_id: '1', list: cyclicList },
      'ERR_CLAIMS',
      'claims.list[1][1][1][1][1][1][1][1] is nested deeper than 8 levels (or cyclic), which cannot be signed. Flatten it.',
    ],
    [
      'an attribute nested 9 objects deep',
      { user_id: '1', deep: nested(9) },
      'ERR_CLAIMS',
      'is nested deeper than 8 levels',
    ],
  ])('rejects %s with a SignerError that says what to do', (_name, claims, code, message) => {
    const sign = () => signIntercomJwt(claims as never, secret)
    expect(sign).toThrow(SignerError)
    expect(sign).toThrow(expect.objectContaining({ code }))
    expect(sign).toThrow(/^\[verified-messenger\/signer\] /)
    expect(sign).toThrow(message)
  })

  it('signs attributes nested 8 objects deep, and claims or attributes without a prototype', () => {
    const bare = Object.assign(Object.create(null), { user_id: '1', extra: Object.create(null) })
    expect(decodePart(signIntercomJwt(bare, secret, { now }), 1)).toEqual({
      user_id: '1',
      extra: {},
      iat: issuedAt,
      exp: issuedAt + 3600,
    })
    const deep = signIntercomJwt({ user_id: '1', deep: nested(8) } as never, secret, { now })
    expect(decodePart(deep, 1)).toMatchObject({ deep: nested(8) })
    const list = signIntercomJwt({ user_id: '1', list: [[[null, 1.5, false]]] }, secret, { now })
    expect(decodePart(list, 1)).toMatchObject({ list: [[[null, 1.5, false]]] })
  })

  it('leaves out attributes that are undefined, nested ones included, and accepts a missing name', () => {
    const token = signIntercomJwt(
      { user_id: '1', name: undefined, company: { id: 'c1', plan: undefined } } as never,
      secret,
      { now },
    )
    expect(decodePart(token, 1)).toEqual({
      user_id: '1',
      company: { id: 'c1' },
      iat: issuedAt,
      exp: issuedAt + 3600,
    })
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
    ['a negative number', -60],
    ['a fraction', 1.5],
    ['a string', '1h'],
    ['true', true],
  ])('rejects expiresIn of %s, and says it is seconds', (_name, expiresIn) => {
    const sign = () => signIntercomJwt({ user_id: '1' }, secret, { expiresIn: expiresIn as never })
    expect(sign).toThrow(expect.objectContaining({ code: 'ERR_OPTIONS' }))
    expect(sign).toThrow(
      '[verified-messenger/signer] options.expiresIn must be a whole number of seconds above 0 (3600 is one hour), or false for no expiry.',
    )
  })

  it('signs with a lifetime of one second', () => {
    const token = signIntercomJwt({ user_id: '1' }, secret, { now, expiresIn: 1 })
    expect(decodePart(token, 1)).toMatchObject({ exp: issuedAt + 1 })
  })

  it('rejects options that are not an object, such as a bare lifetime', () => {
    for (const options of [3600, null, [3600]]) {
      const sign = () => signIntercomJwt({ user_id: '1' }, secret, options as never)
      expect(sign).toThrow(expect.objectContaining({ code: 'ERR_OPTIONS' }))
      expect(sign).toThrow('options must be an object like { expiresIn: 3600 }, got ')
    }
  })

  it('rejects a clock that is not a function, and reads the one given in milliseconds', () => {
    const sign = () => signIntercomJwt({ user_id: '1' }, secret, { now: 1767225600000 as never })
    expect(sign).toThrow(expect.objectContaining({ code: 'ERR_OPTIONS' }))
    expect(sign).toThrow(
      'options.now must be a function returning milliseconds since the epoch (like Date.now), got number.',
    )
    const token = signIntercomJwt({ user_id: '1' }, secret, { now: () => issuedAt * 1000 + 999 })
    expect(decodePart(token, 1)).toMatchObject({ iat: issuedAt })
  })

  it.each([
    [
      'a missing secret',
      undefined,
      "secret must be a string, got undefined. Pass your workspace's Messenger secret, e.g. process.env.INTERCOM_IDENTITY_SECRET.",
    ],
    [
      'an empty secret',
      '',
      "secret is empty. Set INTERCOM_IDENTITY_SECRET on the server to the secret from your Intercom workspace's Messenger security settings.",
    ],
    [
      'a secret too short to be a workspace secret',
      'a',
      "secret is shorter than 32 characters, so it is not your workspace's Messenger secret. Copy the secret from Intercom (Settings > Workspace > Security > Messenger) into INTERCOM_IDENTITY_SECRET on the server.",
    ],
  ])('rejects %s, and says where the real one is', (_name, bad, message) => {
    const sign = () => signIntercomJwt({ user_id: '1' }, bad as never)
    expect(sign).toThrow(expect.objectContaining({ code: 'ERR_SECRET' }))
    expect(sign).toThrow(`[verified-messenger/signer] ${message}`)
  })
})
