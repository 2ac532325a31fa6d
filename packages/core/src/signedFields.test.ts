import { createMessenger, type Messenger, REFRESH_MARGIN } from '@verified-messenger/core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  APP_ID,
  callsTo,
  fakeJwt,
  HttpResponse,
  IDENTITY_URL,
  identityEndpoint,
  inSeconds,
  installWidget,
} from './test/fakePage'

const HOUR = 3600

// A JWT-mode body whose token also signs `attributes`, as intercom-rails' signed_user_fields do.
const signedBody = (attributes: Record<string, unknown>, exp = inSeconds(HOUR)) => ({
  user_id: '42',
  intercom_user_jwt: fakeJwt({ user_id: '42', exp, iat: exp - HOUR, ...attributes }),
  expires_at: exp,
})

const bootAda = {
  userId: '42',
  name: 'Ada',
  email: 'ada@old.example',
  customAttributes: { plan: 'free', favouriteColour: 'teal' },
}

let messenger: Messenger | undefined
afterEach(() => messenger?.shutdown())

describe('signed fields', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'))
    installWidget()
  })

  it('sends the attributes the JWT signs only inside it, never also in plaintext', async () => {
    const body = signedBody({ email: 'ada@old.example', plan: 'free' })
    identityEndpoint(() => HttpResponse.json(body))
    messenger = createMessenger({ appId: APP_ID, identity: IDENTITY_URL })
    await messenger.boot(bootAda)
    const sent = {
      app_id: APP_ID,
      user_id: '42',
      name: 'Ada',
      favouriteColour: 'teal',
      intercom_user_jwt: body.intercom_user_jwt,
    }
    expect(callsTo('boot')).toEqual([['boot', sent]])
    expect(window.intercomSettings).toEqual(sent)
  })

  it('refuses an update() of a signed field with a warning to sign it on the server, and sends the rest', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    identityEndpoint(() =>
      HttpResponse.json(signedBody({ email: 'ada@old.example', plan: 'free' })),
    )
    messenger = createMessenger({ appId: APP_ID, identity: IDENTITY_URL })
    await messenger.boot(bootAda)
    await messenger.ready()
    messenger.update({ email: 'mallory@example.com', customAttributes: { plan: 'pro', seats: 3 } })
    expect(callsTo('update')).toEqual([['update', { seats: 3 }]])
    expect(warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^\[verified-messenger\/core\] update\(\) ignores email,plan: the identity JWT signs it\. Sign the new value into the token on your server\.$/,
      ),
    )
  })

  it('passes an update() of fields the JWT does not sign without a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    identityEndpoint(() => HttpResponse.json(signedBody({ email: 'ada@old.example' })))
    messenger = createMessenger({ appId: APP_ID, identity: IDENTITY_URL })
    await messenger.boot(bootAda)
    await messenger.ready()
    messenger.update({ name: 'Ada L.', customAttributes: { plan: 'pro' } })
    expect(callsTo('update')).toEqual([['update', { name: 'Ada L.', plan: 'pro' }]])
    expect(warn).not.toHaveBeenCalled()
  })

  it('also refuses a signed field in an update() made before boot, once the token is known', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    identityEndpoint(() => HttpResponse.json(signedBody({ plan: 'free' })))
    messenger = createMessenger({ appId: APP_ID, identity: IDENTITY_URL })
    const booted = messenger.boot(bootAda)
    messenger.update({ customAttributes: { plan: 'pro', seats: 3 } })
    await booted
    await messenger.ready()
    expect(callsTo('update')).toEqual([['update', { seats: 3 }]])
  })

  it('after a renewal, Intercom has the new token and no plaintext copy of what it signs', async () => {
    const first = signedBody({ email: 'ada@old.example' })
    // The server now also signs the plan, and Ada's email changed.
    const next = signedBody({ email: 'ada@new.example', plan: 'pro' }, inSeconds(2 * HOUR))
    let calls = 0
    identityEndpoint(() => HttpResponse.json(++calls === 1 ? first : next))
    messenger = createMessenger({ appId: APP_ID, identity: IDENTITY_URL })
    await messenger.boot(bootAda)
    expect(window.intercomSettings).toMatchObject({ plan: 'free' })
    await vi.advanceTimersByTimeAsync(HOUR * 1000 - REFRESH_MARGIN)
    expect(callsTo('update')).toEqual([['update', { intercom_user_jwt: next.intercom_user_jwt }]])
    expect(window.intercomSettings).toEqual({
      app_id: APP_ID,
      user_id: '42',
      name: 'Ada',
      favouriteColour: 'teal',
      intercom_user_jwt: next.intercom_user_jwt,
    })
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    messenger.update({ customAttributes: { plan: 'free' } })
    expect(callsTo('update')[1]).toEqual(['update', {}])
  })

  it('leaves every field to update() for an anonymous visitor', async () => {
    identityEndpoint(() => new HttpResponse(null, { status: 401 }))
    messenger = createMessenger({ appId: APP_ID, identity: IDENTITY_URL })
    await messenger.boot({})
    await messenger.ready()
    messenger.update({ customAttributes: { plan: 'pro' } })
    expect(callsTo('update')).toEqual([['update', { plan: 'pro' }]])
  })
})
