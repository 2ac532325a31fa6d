import { createHmac } from 'node:crypto'
import { SignerError, signIntercomJwt, verifyIntercomJwt } from '@verified-messenger/signer'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

/** Any code point, lone surrogates included; quicker to generate than fc.string's 'binary' unit. */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code))

const secret = 'property-test-secret-0123456789abcdef'
const reserved = new Set(['user_id', 'email', 'name', 'iat', 'exp', 'nbf'])

const userId = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 })
const attributes = fc.dictionary(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((key) => !reserved.has(key)),
  fc.jsonValue({ maxDepth: 3 }),
  { maxKeys: 6 },
)
const base64urlSegment = fc.string({
  unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
  maxLength: 60,
})

function throwsOnlySignerErrors(token: string, secrets: string | string[] = secret): boolean {
  try {
    verifyIntercomJwt(token, secrets)
    return true
  } catch (error) {
    return error instanceof SignerError
  }
}

describe('verifyIntercomJwt properties', () => {
  it('round-trips any user id and attributes, unicode included', () => {
    fc.assert(
      fc.property(
        userId,
        fc.option(fc.emailAddress(), { nil: undefined }),
        attributes,
        (id, email, attrs) => {
          const claims = { ...attrs, user_id: id, email }
          const verified = verifyIntercomJwt(signIntercomJwt(claims, secret), secret, {
            userId: id,
          })
          const { iat, exp, ...rest } = verified
          expect(rest).toEqual(JSON.parse(JSON.stringify(claims)))
          expect(exp).toBe((iat ?? Number.NaN) + 3600)
        },
      ),
    )
  })

  it('rejects any single-character change to a token', () => {
    const token = signIntercomJwt({ user_id: 'user-1', email: 'a@b.co', plan: 'pro' }, secret)
    fc.assert(
      fc.property(fc.nat({ max: token.length - 1 }), anyCodePoint, (index, replacement) => {
        fc.pre(replacement !== token[index])
        const changed = token.slice(0, index) + replacement + token.slice(index + 1)
        expect(() => verifyIntercomJwt(changed, secret)).toThrow(SignerError)
      }),
      { numRuns: 2000 },
    )
  })

  it('rejects any single-byte change to a token (every position, every other byte value)', () => {
    const token = Buffer.from(signIntercomJwt({ user_id: 'Zoë' }, secret))
    for (let index = 0; index < token.length; index++) {
      for (const byte of [0x00, 0x2e, 0x41, 0x5f, 0x7a, 0xff, (token[index] ?? 0) ^ 1]) {
        if (byte === token[index]) continue
        const changed = Buffer.from(token)
        changed[index] = byte
        expect(() => verifyIntercomJwt(changed.toString('latin1'), secret)).toThrow(SignerError)
      }
    }
  })

  it('throws nothing but SignerError for random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyCodePoint }), (input) => throwsOnlySignerErrors(input)),
      {
        numRuns: 1000,
      },
    )
  })

  it('throws nothing but SignerError for random JWT-shaped strings', () => {
    fc.assert(
      fc.property(fc.tuple(base64urlSegment, base64urlSegment, base64urlSegment), (segments) =>
        throwsOnlySignerErrors(segments.join('.')),
      ),
      { numRuns: 1000 },
    )
  })

  it('throws nothing but SignerError for correctly signed random payload bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const signingInput = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(bytes).toString('base64url')}`
        const signature = createHmac('sha256', secret).update(signingInput).digest('base64url')
        return throwsOnlySignerErrors(`${signingInput}.${signature}`)
      }),
      { numRuns: 1000 },
    )
  })
})
