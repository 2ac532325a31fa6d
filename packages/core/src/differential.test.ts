import { isDeepStrictEqual } from 'node:util'
import { type BootSettings, createMessenger as createNew } from '@verified-messenger/core'
import { afterEach, describe, expect, it } from 'vitest'
import {
  APP_ID,
  callsTo,
  HttpResponse,
  IDENTITY_URL,
  identityEndpoint,
  installWidget,
  resetPage,
} from './test/fakePage'
import { createMessenger as createOld } from './test/kernel-53f8c6f/createMessenger'
import { FORGED, runScenario, withProto } from './test/runScenario'
import {
  ANSWERS,
  type Call,
  CONSENTS,
  type Outcome,
  SCRIPTS,
  type Scenario,
  TIMINGS,
} from './test/scenario'

// Today's kernel against the kernel of 53f8c6f (frozen in ./test/kernel-53f8c6f), each on a fresh page
// with the same script: consent x identity answer x widget script x what happens meanwhile. What reaches
// `window.Intercom` (and its stub), `intercomSettings` after each step, the snapshots and how boot() and
// signOut() settle must be the same, except where KNOWN_DIFFERENCES (issue 16) say.

// Drops every FORGED value, at any depth, from what the old kernel sent and held.
const stripForged = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(stripForged)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, item]) => item !== FORGED)
      .map(([key, item]) => [key, stripForged(item)]),
  )
}

// The step in which the script ends boot A's session before it was sent, if it does.
const interruptedAt = ({ answer, timing, consent }: Scenario) => {
  if (answer === 'none') return
  if (timing === 'switch' || timing === 'shutdown') return 'during identity request'
  if (timing === 'sign-out' && consent === 'pending-denied') return 'after boot'
}

/** A difference between the old and the new kernel (or a regression this test documents). */
interface KnownDifference {
  reason: string
  applies(s: Scenario): boolean
  /** What the new kernel does instead, from what the old one did. */
  expect(old: Outcome, s: Scenario): Outcome
}

// Which session each app call of the script is made in: A's (asked for, or running), B's, the anonymous
// visitor's after signOut(), or `undefined` when no boot is asked for (those wait for the next boot).
const afterBoot = ({ timing }: Scenario) =>
  timing === 'switch' ? 'B' : timing === 'shutdown' ? undefined : 'A'
// Calls made before any boot go to the first session that is sent to Intercom.
const firstBooted = (s: Scenario) => {
  if (s.consent === 'pending-denied') return
  if (s.answer === 'none') return 'A'
  if (s.answer === '204' || s.answer === 'mismatch' || s.timing === 'shutdown') return
  return s.timing === 'switch' ? 'B' : 'A'
}
const madeIn = (s: Scenario, marker: unknown) => {
  switch (marker) {
    case 'before-boot':
    case 'Early':
      return firstBooted(s)
    case 'during-identity':
    case 'During':
      return 'A'
    case 'after-boot':
    case 'AfterBoot':
      return afterBoot(s)
    case 'Visitor':
    case 'after-sign-out':
      return 'anon'
    case 'Last':
    case 'show':
      return s.timing === 'sign-out' ? 'anon' : afterBoot(s)
  }
}
const markerOf = ([name, arg]: Call) =>
  name === 'update'
    ? (arg as { name?: string } | undefined)?.name
    : name === 'trackEvent'
      ? arg
      : name

// The old kernel's calls that reached another session than the one they were made in.
const strayCalls = (s: Scenario, calls: Call[]) => {
  let session: string | undefined
  return calls.filter((call) => {
    if (call[0] === 'boot') session = (call[1] as { user_id?: string }).user_id ?? 'anon'
    if (call[0] === 'shutdown') session = undefined
    const owner = madeIn(s, markerOf(call))
    return owner !== undefined && session !== undefined && owner !== session
  })
}

// intercomSettings as the old kernel held it, except the keys stray updates wrote: those are checked
// through the calls (dropped, not sent), and their value in the settings is that of whichever call was last.
const withoutStray = (old: unknown, stray: Call[]) => {
  const written = new Set(
    stray.flatMap(([name, settings]) =>
      name === 'update' && settings ? Object.keys(settings as object) : [],
    ),
  )
  if (!old || !written.size) return old
  return {
    asymmetricMatch: (actual: Record<string, unknown> | undefined) =>
      !!actual &&
      [...Object.keys(old), ...Object.keys(actual)].every(
        (key) =>
          written.has(key) || isDeepStrictEqual(actual[key], (old as Record<string, unknown>)[key]),
      ),
    toAsymmetricMatcher: () => `${JSON.stringify(old)} except ${[...written]}`,
  }
}

// The differences issue 16 asks for. Each turns what the old kernel did into what the new one does instead.
// Not listed because `run` does not record them: snapshots are compared as the last one of each turn of
// the event loop (the old kernel also published passing states: `loading` without identity just before
// `error` on a failed script, `awaiting-consent` with consent granted just before `identifying`); which of
// two promises settled first within one step; and the keys stray updates (b) wrote into intercomSettings.
const KNOWN_DIFFERENCES = {
  a: {
    reason:
      "a verified boot() that shutdown(), signOut() or another user's boot() ends before it is sent rejects with BOOT_INTERRUPTED, where it resolved (or, with consent denied, never settled)",
    applies: (s) => interruptedAt(s) !== undefined,
    expect: (old, s) => ({
      ...old,
      settled: [
        `boot A rejected error BOOT_INTERRUPTED by ${interruptedAt(s)}`,
        ...old.settled.filter((entry) => !entry.startsWith('boot A ')),
      ].sort(),
    }),
  },
  b: {
    reason:
      "a call made in a session that ended (A's, ended by a switch, a signOut() or a failed load) is dropped, not replayed into the next session",
    applies: () => true,
    expect: (old, s) => {
      const stray = strayCalls(s, [...old.calls, ...old.stub])
      return {
        ...old,
        calls: old.calls.filter((call) => !stray.includes(call)),
        stub: old.stub.filter((call) => !stray.includes(call)),
        settings: old.settings.map(([step, settings]) => [step, withoutStray(settings, stray)]),
      }
    },
  },
  c: {
    reason:
      'with `identity` configured, identity keys in other spellings (USER_ID, User-Hash, Intercom_User_Jwt, user-id) and inside custom attributes are stripped from every call',
    applies: (s) => s.answer !== 'none',
    expect: (old) => ({
      ...old,
      calls: stripForged(old.calls) as Call[],
      stub: stripForged(old.stub) as Call[],
      settings: stripForged(old.settings) as [string, unknown][],
    }),
  },
  d: {
    reason:
      'a rendered initialIdentity is not used after a signOut() or more than 60 s after the Messenger was created: the endpoint is asked',
    applies: (s) => s.rendered === 'late' || s.rendered === 'after-sign-out',
    expect: (old) => ({ ...old, identityRequests: old.identityRequests + 1 }),
  },
} satisfies Record<string, KnownDifference>

const expectedOf = (old: Outcome, s: Scenario) =>
  // Stray calls (b) last: its expected settings are a matcher, which the other entries leave alone.
  [KNOWN_DIFFERENCES.c, KNOWN_DIFFERENCES.a, KNOWN_DIFFERENCES.d, KNOWN_DIFFERENCES.b].reduce(
    (outcome: Outcome, known: KnownDifference) =>
      known.applies(s) ? known.expect(outcome, s) : outcome,
    old,
  )

const matrix: Scenario[] = CONSENTS.flatMap((consent) =>
  ANSWERS.flatMap((answer) =>
    SCRIPTS.flatMap((script) => TIMINGS.map((timing) => ({ consent, answer, script, timing }))),
  ),
)

// The identity rendered into the page: used at once, after a minute of pending consent, after a sign-out.
const rendered: Scenario[] = (['on-page', 'loads'] as const).flatMap((script) => [
  { consent: 'granted', answer: 'jwt', script, timing: 'nothing', rendered: 'fresh' },
  { consent: 'pending-granted', answer: 'jwt', script, timing: 'nothing', rendered: 'fresh' },
  { consent: 'pending-granted', answer: 'jwt', script, timing: 'nothing', rendered: 'late' },
  { consent: 'granted', answer: 'jwt', script, timing: 'nothing', rendered: 'after-sign-out' },
  {
    consent: 'pending-granted',
    answer: 'jwt',
    script,
    timing: 'nothing',
    rendered: 'after-sign-out',
  },
])

afterEach(() => {
  resetPage()
  localStorage.clear()
})

describe(`old and new kernel over ${matrix.length + rendered.length} scenarios`, () => {
  for (const s of [...matrix, ...rendered]) {
    const name = `consent ${s.consent}, identity ${s.answer}, script ${s.script}, ${s.timing}`
    it(s.rendered ? `${name}, identity rendered (${s.rendered})` : name, async () => {
      const old = await runScenario(createOld, s)
      const now = await runScenario(createNew, s)
      const expected = expectedOf(old, s)
      expect(now).toEqual(expected)
    })
  }
})

// What the matrix found and the kernel was mended for: a lead's email after sign-out (a regression the
// first version of the door had), and JSON `__proto__` keys (a leak the old kernel had too).
describe('the new kernel, where the matrix found it short', () => {
  const anonymous = async (settings?: BootSettings) => {
    installWidget()
    identityEndpoint(() => new HttpResponse(null, { status: 204 }))
    const messenger = createNew({ appId: APP_ID, identity: IDENTITY_URL })
    await messenger.boot(settings)
    return messenger
  }

  it("sends an anonymous visitor's update({ email }) (a lead giving its email), as the old kernel did", async () => {
    const messenger = await anonymous()
    messenger.update({ email: 'lead@example.com' })
    expect(callsTo('update')).toEqual([['update', { email: 'lead@example.com' }]])
  })

  it("strips a JSON-parsed __proto__ key, whose user_id Intercom reads as the payload's own", async () => {
    await anonymous(withProto(`{ "name": "Eve", "__proto__": { "user_id": "${FORGED}" } }`))
    const [, payload] = callsTo('boot')[0] ?? []
    expect((payload as { user_id?: string }).user_id).toBeUndefined()
  })

  it('strips an identity key beside a JSON-parsed __proto__ key in update()', async () => {
    const messenger = await anonymous()
    messenger.update(withProto(`{ "__proto__": {}, "user_id": "${FORGED}" }`))
    expect(callsTo('update')).toEqual([['update', {}]])
  })
})
