import { createMessenger } from '@verified-messenger/core'
import { describe, expect, it } from 'vitest'
import {
  APP_ID,
  callsTo,
  HttpResponse,
  IDENTITY_URL,
  identityEndpoint,
  installWidget,
  jwtBody,
} from './test/fakePage'

const TOKENS = { security_token: 'token-of-42', apiToken: 'xyz' }

const verified = () => createMessenger({ appId: APP_ID, identity: IDENTITY_URL })

/** The identity endpoint vouches for `userId` once the returned function is called. */
const heldEndpoint = (userId: string) => {
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  identityEndpoint(() => released.then(() => HttpResponse.json(jwtBody(userId))))
  return release
}

const bootSettings = () => callsTo('boot').map(([, settings]) => settings)

describe('auth tokens (Fin data connectors)', () => {
  it('sends authTokens as auth_tokens with their names unchanged, and setAuthTokens to Intercom once booted', () => {
    installWidget()
    const messenger = createMessenger({ appId: APP_ID })
    messenger.boot({ authTokens: TOKENS })
    messenger.setAuthTokens({ security_token: 'renewed' })
    messenger.update({ authTokens: { apiToken: 'abc' } })
    expect(bootSettings()).toEqual([{ app_id: APP_ID, auth_tokens: TOKENS }])
    expect(callsTo('setAuthTokens')).toEqual([['setAuthTokens', { security_token: 'renewed' }]])
    expect(callsTo('update')).toEqual([['update', { auth_tokens: { apiToken: 'abc' } }]])
  })

  it('sends tokens given before boot, or while the identity request runs, with the verified boot', async () => {
    installWidget()
    const answer = heldEndpoint('42')
    const messenger = verified()
    messenger.setAuthTokens({ security_token: 'token-of-42' })
    const booted = messenger.boot({ userId: '42' })
    messenger.update({ authTokens: { apiToken: 'xyz' } })
    answer()
    await booted
    expect(bootSettings()).toEqual([
      expect.objectContaining({ user_id: '42', auth_tokens: TOKENS }),
    ])
    expect(callsTo('setAuthTokens')).toEqual([])
    expect(JSON.stringify(callsTo('update'))).not.toContain('token-of-42')
  })

  it("never sends one user's tokens to the next user after a switch", async () => {
    installWidget()
    heldEndpoint('42')
    const messenger = verified()
    messenger.boot({ userId: '42' }).catch(() => {})
    messenger.setAuthTokens(TOKENS)
    messenger.update({ authTokens: TOKENS })
    identityEndpoint(() => HttpResponse.json(jwtBody('7')))
    await messenger.boot({ userId: '7' })
    expect(bootSettings()).toEqual([expect.objectContaining({ user_id: '7' })])
    expect(JSON.stringify(callsTo('boot'))).not.toContain('auth_tokens')
    expect(callsTo('setAuthTokens')).toEqual([])
    expect(JSON.stringify(callsTo('update'))).not.toContain('token-of-42')
  })

  it('forgets tokens given before boot on shutdown (logout)', async () => {
    installWidget()
    identityEndpoint(() => HttpResponse.json(jwtBody('7')))
    const messenger = verified()
    messenger.setAuthTokens(TOKENS)
    messenger.shutdown()
    await messenger.boot({ userId: '7' })
    expect(JSON.stringify(callsTo('boot'))).not.toContain('auth_tokens')
  })

  it('never sends tokens to an anonymous visitor (the endpoint answered 401)', async () => {
    installWidget()
    identityEndpoint(() => new HttpResponse(null, { status: 401 }))
    const messenger = verified()
    messenger.setAuthTokens(TOKENS)
    await messenger.boot({ authTokens: TOKENS })
    expect(bootSettings()).toEqual([{ app_id: APP_ID }])
    expect(callsTo('setAuthTokens')).toEqual([])
  })

  it('boots again with the tokens after consent is revoked and granted again', async () => {
    installWidget()
    identityEndpoint(() => HttpResponse.json(jwtBody('42')))
    const messenger = verified()
    messenger.setAuthTokens(TOKENS)
    await messenger.boot({ userId: '42' })
    messenger.setConsent('denied')
    messenger.setConsent('granted')
    await messenger.boot({ userId: '42' })
    expect(bootSettings()).toEqual([
      expect.objectContaining({ auth_tokens: TOKENS }),
      expect.objectContaining({ auth_tokens: TOKENS }),
    ])
  })
})
