import { createMessenger } from '@verified-messenger/core'
import { describe, expect, it, vi } from 'vitest'
import {
  APP_ID,
  callsTo,
  HttpResponse,
  IDENTITY_URL,
  identityEndpoint,
  installWidget,
  intercomCalls,
  jwtBody,
} from './test/fakePage'

const FORGED = 'forged-by-the-browser'

// Identity in every way an app (or an attacker's JSON) could spell it, beside an ordinary attribute.
const forgeries = (): Record<string, unknown> =>
  JSON.parse(`{
    "user_id": "${FORGED}", "USER_ID": "${FORGED}", "User-Id": "${FORGED}", "userHash": "${FORGED}",
    "user_hash": "${FORGED}", "intercom_user_jwt": "${FORGED}", "IntercomUserJWT": "${FORGED}",
    "__proto__": { "user_id": "${FORGED}", "user_hash": "${FORGED}" },
    "customAttributes": { "user_id": "${FORGED}", "intercom_user_jwt": "${FORGED}", "plan": "pro",
      "__proto__": { "user_id": "${FORGED}" } },
    "custom_attributes": { "userId": "${FORGED}", "seats": 3 },
    "companies": [{ "companyId": "c1", "userId": "${FORGED}", "name": "Acme" }],
    "name": "Ada"
  }`)

// Everything the page told Intercom, as text: the calls' arguments and the settings it holds.
const told = () =>
  JSON.stringify([intercomCalls, window.intercomSettings]) +
  // An inherited user_id is read through the prototype, which JSON does not show.
  [...intercomCalls.flatMap(([, ...args]) => args), window.intercomSettings]
    .map((arg) => (arg && typeof arg === 'object' ? (arg as { user_id?: unknown }).user_id : ''))
    .join()

describe('the one door to window.Intercom', () => {
  it('boots only the verified user_id and proof, whatever identity the app passes and however it is spelt', async () => {
    installWidget()
    const body = jwtBody('42')
    identityEndpoint(() => HttpResponse.json(body))
    const messenger = createMessenger({ appId: APP_ID, identity: IDENTITY_URL })
    await messenger.boot({ userId: '42', ...forgeries() })
    const [[, settings]] = callsTo('boot') as [[string, Record<string, unknown>]]
    expect(settings).toEqual({
      app_id: APP_ID,
      name: 'Ada',
      plan: 'pro',
      custom_attributes: { seats: 3 },
      companies: [{ company_id: 'c1', name: 'Acme' }],
      user_id: '42',
      intercom_user_jwt: body.intercom_user_jwt,
    })
    expect(Object.getPrototypeOf(settings)).toBe(null)
    expect(told()).not.toContain(FORGED)
  })

  it('boots an anonymous visitor with no identity when the endpoint says nobody is signed in', async () => {
    installWidget()
    identityEndpoint(() => new HttpResponse(null, { status: 204 }))
    const messenger = createMessenger({ appId: APP_ID, identity: IDENTITY_URL })
    await messenger.boot(forgeries())
    messenger.update(forgeries())
    messenger.trackEvent('viewed', forgeries())
    expect(told()).not.toContain(FORGED)
    expect(callsTo('boot')[0]?.[1]).toMatchObject({ app_id: APP_ID, name: 'Ada', plan: 'pro' })
  })

  it("boots an anonymous visitor without the app's email or data-connector tokens, however they are passed", async () => {
    installWidget()
    identityEndpoint(() => new HttpResponse(null, { status: 204 }))
    const messenger = createMessenger({ appId: APP_ID, identity: IDENTITY_URL })
    await messenger.boot({
      name: 'Ada',
      customAttributes: { email: 'ada@example.com', auth_tokens: { crm: 'secret-token' } },
    })
    expect(callsTo('boot')).toEqual([['boot', { app_id: APP_ID, name: 'Ada' }]])
  })

  it('keeps update(), queued or not, from replacing or adding identity after a verified boot', async () => {
    installWidget()
    const body = jwtBody('42')
    identityEndpoint(() => HttpResponse.json(body))
    const messenger = createMessenger({ appId: APP_ID, identity: IDENTITY_URL })
    messenger.update(forgeries())
    await messenger.boot({ userId: '42' })
    messenger.update(forgeries())
    expect(told()).not.toContain(FORGED)
    expect(window.intercomSettings).toMatchObject({
      user_id: '42',
      intercom_user_jwt: body.intercom_user_jwt,
      name: 'Ada',
    })
  })

  it("passes the app's own identity without `identity` configured, as react-use-intercom does, but never a prototype", () => {
    installWidget()
    const messenger = createMessenger({ appId: APP_ID })
    messenger.boot(JSON.parse('{"userId":"7","userHash":"abc","__proto__":{"email":"x@y.z"}}'))
    const [[, settings]] = callsTo('boot') as [[string, Record<string, unknown>]]
    expect(settings).toEqual({ app_id: APP_ID, user_id: '7', user_hash: 'abc' })
    expect(settings.email).toBeUndefined()
    // Nor in an event's metadata when Intercom copies it: a `__proto__` key would be the copy's prototype.
    messenger.trackEvent('viewed', JSON.parse('{"plan":"pro","__proto__":{"email":"x@y.z"}}'))
    const [[, , metadata]] = callsTo('trackEvent') as [[string, string, Record<string, unknown>]]
    expect(Object.assign({}, metadata)).toEqual({ plan: 'pro' })
    expect(Object.assign({}, metadata).email).toBeUndefined()
  })

  it('hands a remounted Messenger its running session with update(), and boots anything else', () => {
    installWidget()
    // Each boot of an unsigned userId warns; that is not what this test is about.
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const booted = () =>
      intercomCalls
        .filter(([name]) => name === 'boot' || name === 'update')
        .map(([name, settings]) => [name, (settings as { user_id?: string }).user_id])
    createMessenger({ appId: APP_ID }).boot({ userId: '7' })
    // Remounts: each a new Messenger while the page's Intercom still runs the session of the one before.
    createMessenger({ appId: APP_ID }).boot({ userId: '7', name: 'Ada' })
    expect(booted()).toEqual([
      ['boot', '7'],
      ['update', '7'],
    ])
    createMessenger({ appId: APP_ID }).boot({ userId: '8' })
    const last = createMessenger({ appId: APP_ID })
    last.boot({ userId: '8' })
    last.shutdown()
    createMessenger({ appId: APP_ID }).boot({ userId: '8' })
    expect(booted().slice(2)).toEqual([
      ['boot', '8'],
      ['update', '8'],
      ['boot', '8'],
    ])
  })

  it('shuts Intercom down once, however often shutdown() is called (StrictMode cleans up twice)', () => {
    installWidget()
    const messenger = createMessenger({ appId: APP_ID })
    messenger.boot({ name: 'Ada' })
    messenger.shutdown()
    messenger.shutdown()
    expect(callsTo('shutdown')).toEqual([['shutdown']])
    expect(window.intercomSettings).toBeUndefined()
  })
})
