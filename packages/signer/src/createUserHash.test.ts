import { execFileSync } from 'node:child_process'
import { createUserHash, SignerError } from '@verified-messenger/signer'
import { describe, expect, it } from 'vitest'

describe('createUserHash', () => {
  // The classic example vector (key 'secret') uses a key too short to be a workspace secret, which the
  // signer refuses; this one was computed with `openssl dgst -sha256 -hmac` and Python's hmac module.
  it("matches the vector for 'Message' with a 40-character secret", () => {
    expect(createUserHash('Message', 'an-intercom-messenger-secret-of-40-chars')).toBe(
      '04c96ed97509b65dbb4122c2e1a420c84d306d5238b5eaef638b097b1b15b6a4',
    )
  })

  it('agrees with `openssl dgst -sha256 -hmac` for unicode ids and secrets', () => {
    for (const [id, secret] of [
      ['Message', 'an-intercom-messenger-secret-of-40-chars'],
      ['user-42@example.com', 'a longer secret with spaces inside it'],
      ['ünïcødé ✓ 用户', 'sécret-ключ-0123456789abcdef-0123456789'],
    ] as const) {
      const openssl = execFileSync('openssl', ['dgst', '-sha256', '-hmac', secret], {
        input: id,
        encoding: 'utf8',
      })
      expect(openssl.trim().split(' ').pop()).toBe(createUserHash(id, secret))
    }
  })

  it('is lowercase hex, 64 characters', () => {
    expect(createUserHash('123', 'an-intercom-messenger-secret-of-40-chars')).toMatch(
      /^[0-9a-f]{64}$/,
    )
  })

  const secret = 'an-intercom-messenger-secret-of-40-chars'
  it.each([
    ['an empty id', '', secret, 'ERR_USER_ID', "identifier is empty. Pass the signed-in user's id"],
    ['a numeric id', 123, secret, 'ERR_USER_ID', 'got number. Convert it with String(identifier).'],
    ['a null id', null, secret, 'ERR_USER_ID', /identifier must be a string, got null\.$/],
    [
      'an id over 255 characters',
      'x'.repeat(256),
      secret,
      'ERR_USER_ID',
      'identifier is 256 characters long; the limit is 255. Pass the user',
    ],
    ['an empty secret', '123', '', 'ERR_SECRET', 'secret is empty. Set INTERCOM_IDENTITY_SECRET'],
    [
      'a missing secret',
      '123',
      undefined,
      'ERR_SECRET',
      "secret must be a string, got undefined. Pass your workspace's Messenger secret",
    ],
    [
      'a secret with a trailing newline',
      '123',
      `${secret}\n`,
      'ERR_SECRET',
      'starts or ends with whitespace. Trim it where you load it',
    ],
    [
      'a secret with a trailing space',
      '123',
      `${secret} `,
      'ERR_SECRET',
      'starts or ends with whitespace',
    ],
    [
      'a secret with a leading space',
      '123',
      ` ${secret}`,
      'ERR_SECRET',
      'starts or ends with whitespace',
    ],
    [
      'a secret with a Windows line ending',
      '123',
      `${secret}\r\n`,
      'ERR_SECRET',
      'starts or ends with whitespace',
    ],
    [
      'a secret with a leading tab',
      '123',
      `\t${secret}`,
      'ERR_SECRET',
      'starts or ends with whitespace',
    ],
    [
      'a secret too short to be a workspace secret',
      '123',
      'secret-of-31-characters-0123456',
      'ERR_SECRET',
      "secret is shorter than 32 characters, so it is not your workspace's Messenger secret. Copy the secret from Intercom (Settings > Workspace > Security > Messenger)",
    ],
  ] as const)(
    'rejects %s with a SignerError that names the fix',
    (_name, id, secret, code, fix) => {
      const call = () => createUserHash(id as string, secret as string)
      expect(call).toThrow(SignerError)
      expect(call).toThrow(
        expect.objectContaining({
          code,
          message: expect.stringMatching(/^\[verified-messenger\/signer\] /),
        }),
      )
      expect(call).toThrow(fix)
    },
  )

  it('accepts a secret of exactly 32 characters, and whitespace inside one', () => {
    expect(createUserHash('123', 'x'.repeat(32))).toMatch(/^[0-9a-f]{64}$/)
    expect(createUserHash('123', 'a secret with spaces in the middle')).toMatch(/^[0-9a-f]{64}$/)
    expect(createUserHash('x'.repeat(255), secret)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('never puts the secret in an error message', () => {
    for (const secret of ['top-secret-value-0123456789abcdef\n', 'top-secret-value']) {
      expect(() => createUserHash('123', secret)).toThrow(
        expect.objectContaining({ message: expect.not.stringContaining('top-secret-value') }),
      )
    }
  })
})
