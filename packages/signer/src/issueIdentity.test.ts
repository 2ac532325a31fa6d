import {
  createIdentityHandler,
  createUserHash,
  issueIdentity,
  verifyIntercomJwt,
} from '@verified-messenger/signer'
import { describe, expect, it } from 'vitest'
import { issueIdentity as issueIdentityWithWebCrypto } from './web/index'

const secret = 'a-test-secret-that-is-long-enough-32b'
const ada = { user_id: 'user-ada', email: 'ada@example.com', name: 'Ada' }
const now = () => 1_700_000_000_000

describe('issueIdentity', () => {
  it('signs exactly what the identity endpoint answers for the same user and clock', async () => {
    const endpoint = createIdentityHandler({ secret, getUser: () => ada, now })
    const answered = await (await endpoint(new Request('https://app.test/'), undefined)).json()

    const rendered = await issueIdentity(ada, { secret, now })

    expect(rendered).toEqual(answered)
    expect(rendered?.expires_at).toBe(1_700_000_000 + 3600)
    expect(
      verifyIntercomJwt(rendered?.intercom_user_jwt ?? '', secret, { now: () => now() + 1000 }),
    ).toMatchObject({ user_id: 'user-ada', email: 'ada@example.com' })
  })

  it('is null for nobody signed in, so the browser boots anonymous without a request', async () => {
    expect(await issueIdentity(null, { secret })).toBeNull()
    expect(await issueIdentity(undefined, { secret })).toBeNull()
  })

  it('issues the legacy user_hash in hmac mode, without unsigned attributes', async () => {
    expect(await issueIdentity(ada, { secret, mode: 'hmac' })).toEqual({
      user_id: 'user-ada',
      user_hash: createUserHash('user-ada', secret),
    })
  })

  it('refuses a missing secret with the signer error, never signing', async () => {
    await expect(issueIdentity(ada, { secret: undefined })).rejects.toMatchObject({
      code: 'ERR_SECRET',
    })
  })

  it('gives the same body with Web Crypto (workerd, edge runtimes)', async () => {
    expect(await issueIdentityWithWebCrypto(ada, { secret, now })).toEqual(
      await issueIdentity(ada, { secret, now }),
    )
  })
})
