import { createMessenger, type IdentityResponse, type Messenger } from '@verified-messenger/core'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import {
  APP_ID,
  finishLoading,
  intercomCalls,
  jwtBody,
  resetPage,
  widgetScripts,
} from './test/fakePage'

const FORGED = 'forged-identity'

// Every spelling of a key that names a user or proves who they are.
const identityKey = fc.constantFrom(
  'userId',
  'user_id',
  'USER_ID',
  'User-Id',
  'userid',
  'userHash',
  'user_hash',
  'UserHash',
  'intercomUserJwt',
  'intercom_user_jwt',
  'INTERCOM_USER_JWT',
  'intercom-user-jwt',
)
const ordinaryKey = fc.constantFrom('name', 'plan', 'phone', 'createdAt', 'seats', 'company')

type Entry = [string, unknown]
// Objects are written as JSON text and parsed, so a `__proto__` key is an own key, as it is in JSON
// that reached the app from outside.
const toObject = (entries: Entry[]): Record<string, unknown> =>
  JSON.parse(
    `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`).join(',')}}`,
  )
const flat = fc.array(
  fc.oneof(
    fc.tuple(identityKey, fc.constant(FORGED)),
    fc.tuple(ordinaryKey, fc.string({ maxLength: 3 })),
  ),
  { maxLength: 5 },
)
const settings = fc
  .tuple(
    flat,
    fc.option(flat, { nil: undefined }),
    fc.option(flat, { nil: undefined }),
    fc.option(flat, { nil: undefined }),
  )
  .map(([top, custom, snakeCustom, proto]) => {
    const entries: Entry[] = [...top]
    const object = (list: Entry[]) => JSON.parse(JSON.stringify(toObject(list)))
    if (custom) entries.push(['customAttributes', object(custom)])
    if (snakeCustom) entries.push(['custom_attributes', object(snakeCustom)])
    if (proto) entries.push(['__proto__', object(proto)])
    return toObject(entries)
  })

type Step =
  | { do: 'boot'; userId?: string; settings: Record<string, unknown> }
  | { do: 'update' | 'trackEvent'; settings: Record<string, unknown> }
  | { do: 'shutdown' | 'signOut' | 'answer' | 'nobody' | 'load' | 'fail-identity' }
  | { do: 'consent'; consent: 'granted' | 'pending' | 'denied' }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    do: fc.constant('boot' as const),
    userId: fc.option(fc.constantFrom('A', 'B'), { nil: undefined }),
    settings,
  }),
  fc.record({ do: fc.constantFrom('update' as const, 'trackEvent' as const), settings }),
  fc.record({
    do: fc.constantFrom(
      'shutdown' as const,
      'signOut' as const,
      'answer' as const,
      'nobody' as const,
      'load' as const,
      'fail-identity' as const,
    ),
  }),
  fc.record({
    do: fc.constant('consent' as const),
    consent: fc.constantFrom('granted' as const, 'pending' as const, 'denied' as const),
  }),
)

const IDENTITY_KEYS = ['user_id', 'user_hash', 'intercom_user_jwt']

// What Intercom could read: every argument of every call, and the settings, through prototypes too.
const leaks = (signed: Set<string>): string[] => {
  const found: string[] = []
  const visit = (value: unknown, path: string) => {
    if (value === FORGED) found.push(path)
    if (!value || typeof value !== 'object') return
    for (const key of IDENTITY_KEYS) {
      const read = (value as Record<string, unknown>)[key]
      if (read !== undefined && !signed.has(String(read))) found.push(`${path}.${key}=${read}`)
    }
    for (const [key, inner] of Object.entries(value)) visit(inner, `${path}.${key}`)
  }
  for (const [index, call] of intercomCalls.entries())
    visit(call.slice(1), `call ${index} ${call[0]}`)
  visit(window.intercomSettings, 'intercomSettings')
  return found
}

const run = async (steps: Step[]) => {
  resetPage()
  // Each identity request waits for an `answer`, `nobody` or `fail-identity`. The answer names the user asked
  // for when that is one of the server's users (A or B), else A: like a real endpoint, it never vouches for
  // an id the page made up (a boot whose settings carry `userId: FORGED` asks for that id).
  const pending: ((outcome: 'answer' | 'nobody' | 'fail') => void)[] = []
  // The user ids and proofs the endpoint vouched for: the only identity allowed to reach Intercom.
  const signed = new Set<string>()
  const messenger: Messenger = createMessenger({
    appId: APP_ID,
    consent: 'pending',
    identity: ({ userId }) =>
      new Promise<IdentityResponse | null>((resolve, reject) => {
        pending.push((outcome) => {
          if (outcome === 'fail') return reject(new TypeError('offline'))
          if (outcome === 'nobody') return resolve(null)
          const body = jwtBody(userId === 'B' ? 'B' : 'A')
          signed.add(body.user_id).add(body.intercom_user_jwt)
          resolve(body)
        })
      }),
  })
  // Lets the identity answers travel through the kernel's promise chain (microtasks only, so it is fast).
  const settle = async () => {
    for (let hop = 0; hop < 30; hop++) await Promise.resolve()
  }
  for (const next of steps) {
    switch (next.do) {
      case 'boot':
        messenger
          .boot({ ...next.settings, ...(next.userId && { userId: next.userId }) })
          .catch(() => {})
        break
      case 'update':
        messenger.update(next.settings)
        break
      case 'trackEvent':
        messenger.trackEvent('event', next.settings)
        break
      case 'shutdown':
        messenger.shutdown()
        break
      case 'signOut':
        messenger.signOut().catch(() => {})
        break
      case 'consent':
        messenger.setConsent(next.consent)
        break
      case 'load':
        if (widgetScripts().length) finishLoading()
        break
      case 'fail-identity':
        pending.shift()?.('fail')
        break
      default:
        pending.shift()?.(next.do)
    }
    await settle()
  }
  messenger.destroy()
  return leaks(signed)
}

describe('identity filter (property)', () => {
  it('never lets identity the endpoint did not sign reach window.Intercom or intercomSettings', async () => {
    // The kernel's dev warnings about refused user ids are expected here, many times over.
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        expect(await run(steps)).toEqual([])
      }),
      { numRuns: 300 },
    )
  }, 60_000)
})
