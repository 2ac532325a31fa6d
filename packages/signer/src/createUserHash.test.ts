import { execFileSync } from 'node:child_process'
import { createUserHash, SignerError } from '@verified-messenger/signer'
import { describe, expect, it } from 'vitest'

describe('createUserHash', () => {
  it("matches Intercom's documented vector (key 'secret', message 'Message')", () => {
    expect(createUserHash('Message', 'secret')).toBe(
      'aa747c502a898200f9e4fa21bac68136f886a0e27aec70ba06daf2e2a5cb5597',
    )
  })

  it('agrees with `openssl dgst -sha256 -hmac` for unicode ids and secrets', () => {
    for (const [id, secret] of [
      ['Message', 'secret'],
      ['user-42@example.com', 'a longer secret with spaces inside'],
      ['ünïcødé ✓ 用户', 'sécret-ключ'],
    ] as const) {
      const openssl = execFileSync('openssl', ['dgst', '-sha256', '-hmac', secret], {
        input: id,
        encoding: 'utf8',
      })
      expect(openssl.trim().split(' ').pop()).toBe(createUserHash(id, secret))
    }
  })

  it('is lowercase hex, 64 characters', () => {
    expect(createUserHash('123', 'secret')).toMatch(/^[0-9a-f]{64}$/)
  })

  it.each([
    ['an empty id', '', 'secret', 'ERR_USER_ID'],
    ['a numeric id', 123, 'secret', 'ERR_USER_ID'],
    ['an id over 255 characters', 'x'.repeat(256), 'secret', 'ERR_USER_ID'],
    ['an empty secret', '123', '', 'ERR_SECRET'],
    ['a missing secret', '123', undefined, 'ERR_SECRET'],
    ['a secret with a trailing newline', '123', 'secret\n', 'ERR_SECRET'],
  ])('rejects %s with a SignerError that names the fix', (_name, id, secret, code) => {
    const call = () => createUserHash(id as string, secret as string)
    expect(call).toThrow(SignerError)
    expect(call).toThrow(
      expect.objectContaining({
        code,
        message: expect.stringMatching(/^\[verified-messenger\/signer\] /),
      }),
    )
  })

  it('never puts the secret in an error message', () => {
    const secret = 'top-secret-value\n'
    expect(() => createUserHash('123', secret)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('top-secret-value') }),
    )
  })
})
