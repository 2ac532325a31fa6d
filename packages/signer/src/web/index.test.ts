import { createHmac } from 'node:crypto'
import * as node from '@verified-messenger/signer'
import fc from 'fast-check'
import { SignJWT } from 'jose'
import { describe, expect, it, vi } from 'vitest'
import * as web from './index'

const secret = 'web-crypto-test-secret-0123456789abcdef'
const t0 = 1767225600
const at = (seconds: number) => () => seconds * 1000

/** The error code a call (sync or async) fails with, or undefined when it succeeds. */
async function codeOf(call: () => unknown): Promise<string | undefined> {
  try {
    await call()
  } catch (error) {
    expect(error).toBeInstanceOf(node.SignerError)
    return (error as node.SignerError).code
  }
  return undefined
}

/** The message a call (sync or async) fails with, or undefined when it succeeds. */
async function messageOf(call: () => unknown): Promise<string | undefined> {
  try {
    await call()
  } catch (error) {
    return (error as Error).message
  }
  return undefined
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
function handMade(header: unknown, payload: unknown): string {
  const signingInput = `${base64url(header)}.${base64url(payload)}`
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`
}

/** Signs a payload given as raw JSON text, for numbers JSON.stringify cannot write (1e999). */
function rawPayload(json: string): string {
  const signingInput = `${base64url({ alg: 'HS256' })}.${Buffer.from(json).toString('base64url')}`
  return `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`
}

describe('the Web Crypto build (workerd, edge runtimes)', () => {
  it('computes the user_hash vector (openssl, 40-character secret)', async () => {
    expect(await web.createUserHash('Message', 'an-intercom-messenger-secret-of-40-chars')).toBe(
      '04c96ed97509b65dbb4122c2e1a420c84d306d5238b5eaef638b097b1b15b6a4',
    )
  })

  it('signs byte for byte the token the Node build signs, for any claims', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })),
        async (userId, attributes) => {
          const claims = { ...attributes, user_id: userId }
          fc.pre(!['iat', 'exp', 'nbf', 'email', 'name'].some((key) => key in attributes))
          const options = { now: at(t0), expiresIn: 600 }
          const ours = await web.signIntercomJwt(claims as node.IntercomUser, secret, options)
          expect(ours).toBe(node.signIntercomJwt(claims as node.IntercomUser, secret, options))
        },
      ),
      { numRuns: 200 },
    )
  })

  it('verifies tokens signed by the Node build and by jose', async () => {
    const fromNode = node.signIntercomJwt({ user_id: '7', name: 'Zoë' }, secret)
    expect(await web.verifyIntercomJwt(fromNode, secret, { userId: '7' })).toMatchObject({
      user_id: '7',
      name: 'Zoë',
    })
    const fromJose = await new SignJWT({ user_id: 'jose' })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret))
    expect((await web.verifyIntercomJwt(fromJose, [`${secret}-new`, secret])).user_id).toBe('jose')
  })

  it('rejects every bad token with the code the Node build gives', async () => {
    const good = node.signIntercomJwt({ user_id: '1' }, secret, { now: at(t0), expiresIn: 60 })
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const twin = good.slice(0, -1) + alphabet[alphabet.indexOf(good.at(-1) ?? '') ^ 1]
    const cases: [string, unknown, string | readonly string[], node.VerifyOptions?][] = [
      ['good', good, secret, { now: at(t0) }],
      ['expired', good, secret, { now: at(t0 + 65) }],
      ['another user', good, secret, { now: at(t0), userId: '2' }],
      ['another secret', good, 'another-secret-0123456789abcdef-0123456789', { now: at(t0) }],
      ['second spelling', twin, secret, { now: at(t0) }],
      ['too long', `${good}AAAA`, secret, { now: at(t0) }],
      ['alg none', `${base64url({ alg: 'none' })}.${base64url({ user_id: '1' })}.`, secret],
      ['HS512', handMade({ alg: 'HS512' }, { user_id: '1' }), secret],
      ['crit', handMade({ alg: 'HS256', crit: ['b64'] }, { user_id: '1' }), secret],
      [
        'nbf ahead',
        handMade({ alg: 'HS256' }, { user_id: '1', nbf: t0 + 60 }),
        secret,
        { now: at(t0) },
      ],
      ['numeric user_id', handMade({ alg: 'HS256' }, { user_id: 1 }), secret],
      ['payload array', handMade({ alg: 'HS256' }, ['user_id']), secret],
      ['two segments', 'abc.def', secret],
      ['not a string', 42, secret],
      ['empty secret list', good, []],
      ['bad options', good, secret, { clockTolerance: -1 }],
      ['short secret', good, 'short-secret'],
      ['short secret in the list', good, [secret, 'short-secret']],
      ['oversized', handMade({ alg: 'HS256' }, { user_id: '1', pad: 'x'.repeat(16_384) }), secret],
      [
        'oversized alg none',
        `${base64url({ alg: 'none' })}.${base64url({ pad: 'x'.repeat(16_384) })}.`,
        secret,
      ],
      ['exp of 1e999', rawPayload('{"user_id":"1","exp":1e999}'), secret],
    ]
    for (const [name, token, secrets, options] of cases) {
      const expected = await messageOf(() =>
        node.verifyIntercomJwt(token as string, secrets, options),
      )
      expect([
        name,
        await messageOf(() => web.verifyIntercomJwt(token as string, secrets, options)),
      ]).toEqual([name, expected])
      expect([
        name,
        await codeOf(() => web.verifyIntercomJwt(token as string, secrets, options)),
      ]).toEqual([
        name,
        await codeOf(() => node.verifyIntercomJwt(token as string, secrets, options)),
      ])
    }
  })

  it('rejects any single-character change to a token, as the Node build does', async () => {
    const token = node.signIntercomJwt({ user_id: 'user-1', plan: 'pro' }, secret)
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: token.length - 1 }),
        fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
        async (index, replacement) => {
          fc.pre(replacement !== token[index])
          const changed = token.slice(0, index) + replacement + token.slice(index + 1)
          const code = await codeOf(() => web.verifyIntercomJwt(changed, secret))
          expect(code).toBeDefined()
          expect(code).toBe(await codeOf(() => node.verifyIntercomJwt(changed, secret)))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('imports the key once per secret, even for concurrent first calls', async () => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey')
    try {
      const fresh = `${secret}-imported-once`
      const tokens = await Promise.all(
        [1, 2, 3].map((id) => web.signIntercomJwt({ user_id: String(id) }, fresh)),
      )
      await web.verifyIntercomJwt(tokens[0] ?? '', fresh)
      await web.createUserHash('1', fresh)
      expect(importKey).toHaveBeenCalledTimes(1)
    } finally {
      importKey.mockRestore()
    }
  })

  it('refuses a short secret and unsignable claims with the message the Node build gives', async () => {
    const cyclic: unknown[] = []
    cyclic.push(cyclic)
    const cases: [string, unknown, string][] = [
      ['short secret', { user_id: '1' }, 'short-secret'],
      ['null claims', null, secret],
      ['nbf claim', { user_id: '1', nbf: t0 }, secret],
      ['non-string name', { user_id: '1', name: 7 }, secret],
      ['cyclic array', { user_id: '1', list: cyclic }, secret],
    ]
    for (const [name, claims, key] of cases) {
      const expected = await messageOf(() => node.signIntercomJwt(claims as never, key))
      expect(expected).toMatch(/^\[verified-messenger\/signer\] /)
      expect([name, await messageOf(() => web.signIntercomJwt(claims as never, key))]).toEqual([
        name,
        expected,
      ])
    }
    expect(await messageOf(() => web.createUserHash('1', 'short-secret'))).toBe(
      await messageOf(() => node.createUserHash('1', 'short-secret')),
    )
  })

  it('blames signing, not getUser, in the 500 log when signing fails', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      const user = {
        user_id: 'ada',
        get plan(): string {
          throw new RangeError('plan lookup failed')
        },
      }
      const handler = web.createIdentityHandler({ secret, getUser: () => user })
      expect((await handler(new Request('http://app.test/'), {})).status).toBe(500)
      expect(log.mock.calls[0]?.join(' ')).toBe(
        '[verified-messenger/signer] the identity endpoint answered 500: signing the identity threw RangeError. Pass onError to log the details.',
      )
    } finally {
      log.mockRestore()
    }
  })

  it('serves the identity endpoint contract: 200 with a token the Node build verifies, 204 for nobody', async () => {
    const handler = web.createIdentityHandler({
      secret,
      getUser: (request) =>
        request.headers.get('cookie') === 'session=ada' ? { user_id: 'ada' } : null,
    })
    const url = 'http://app.test/api/intercom/identity'
    const signedIn = await handler(new Request(url, { headers: { cookie: 'session=ada' } }), {})
    expect(signedIn.status).toBe(200)
    const body = await signedIn.json()
    expect(node.verifyIntercomJwt(body.intercom_user_jwt, secret, { userId: 'ada' }).user_id).toBe(
      'ada',
    )
    const nobody = await handler(new Request(url), {})
    expect([nobody.status, nobody.headers.get('cache-control'), nobody.body]).toEqual([
      204,
      'no-store',
      null,
    ])
    const hmac = web.createIdentityHandler({
      secret,
      mode: 'hmac',
      getUser: () => ({ user_id: 'ada' }),
    })
    expect(await (await hmac(new Request(url), {})).json()).toEqual({
      user_id: 'ada',
      user_hash: node.createUserHash('ada', secret),
    })
  })
})
