import { describe, expect, it } from 'vitest'
import {
  type Effect,
  initialState,
  type KernelEvent,
  type KernelState,
  snapshotOf,
} from './kernelState'
import { transition } from './lifecycle'
import { fail } from './MessengerError'

// The lifecycle is a pure function: each row is a state, an event, and what must come of it. No DOM here.
const verified = (patch: Partial<KernelState> = {}): KernelState => ({
  ...initialState(true, 'granted'),
  ...patch,
})
const A = { settings: { userId: 'A' } }
const answer = { user_id: 'A', intercom_user_jwt: 'a.b.c', expires_at: 2_000_000_000 }
const offline = fail('IDENTITY_NETWORK', 'offline')

type Row = [
  name: string,
  state: KernelState,
  event: KernelEvent,
  next: Partial<KernelState> & { status?: string },
  effects: Effect['type'][],
]

const rows: Row[] = [
  [
    'a boot with identity asks who the user is',
    verified(),
    { type: 'boot', settings: { userId: 'A' } },
    { phase: 'identifying', session: 2, status: 'identifying' },
    ['shutdown', 'end', 'identify'],
  ],
  [
    'a boot without identity is sent at once',
    initialState(false, 'granted'),
    { type: 'boot', settings: {} },
    { phase: 'loading', live: true },
    ['shutdown', 'end', 'boot', 'settle'],
  ],
  [
    'a boot waits for consent',
    verified({ consent: 'pending' }),
    { type: 'boot', settings: { userId: 'A' } },
    { phase: 'waiting', status: 'awaiting-consent' },
    ['shutdown', 'end'],
  ],
  [
    'granting consent moves the waiting boot on',
    verified({ consent: 'pending', phase: 'waiting', wanted: A, session: 2 }),
    { type: 'consent', consent: 'granted' },
    { phase: 'identifying', session: 2 },
    ['identify'],
  ],
  [
    'the answer for the current session boots the user it names, and schedules the renewal',
    verified({ phase: 'identifying', wanted: A, session: 2 }),
    { type: 'identified', session: 2, identity: answer },
    {
      phase: 'loading',
      live: true,
      identity: { userId: 'A', method: 'jwt', expiresAt: answer.expires_at },
    },
    ['boot', 'settle', 'schedule-renewal'],
  ],
  [
    'an answer for an ended session is dropped',
    verified({ phase: 'identifying', wanted: A, session: 3 }),
    { type: 'identified', session: 2, identity: answer },
    { phase: 'identifying', live: false, identity: null },
    [],
  ],
  [
    'an identity failure is reported and fails the boot',
    verified({ phase: 'identifying', wanted: A, session: 2 }),
    { type: 'identity-failed', session: 2, error: offline },
    { phase: 'failed', status: 'error', error: offline },
    ['report', 'settle'],
  ],
  [
    'shutdown ends the session and forgets what was asked',
    verified({ phase: 'booted', live: true, wanted: A, session: 2 }),
    { type: 'shutdown' },
    { phase: 'shut-down', live: false, wanted: undefined, session: 3, status: 'shut-down' },
    ['shutdown', 'end'],
  ],
  [
    'sign-out ends the session, removes cookies and holds an anonymous boot until the app signed out',
    verified({ phase: 'booted', live: true, wanted: A, session: 2 }),
    { type: 'sign-out' },
    { phase: 'shut-down', signingOut: true, wanted: { settings: {}, anonymous: true }, session: 3 },
    ['shutdown', 'end'],
  ],
  [
    'the app signed out: the anonymous visitor boots without asking the endpoint',
    verified({
      phase: 'shut-down',
      signingOut: true,
      wanted: { settings: {}, anonymous: true },
      session: 3,
    }),
    { type: 'signed-out', session: 3 },
    { phase: 'loading', live: true, identity: null },
    ['boot', 'settle'],
  ],
  [
    'revoking consent ends the session but keeps what was asked, to boot again once granted',
    verified({ phase: 'booted', live: true, wanted: A, session: 2 }),
    { type: 'consent', consent: 'denied' },
    { phase: 'waiting', live: false, wanted: A, session: 3, status: 'idle' },
    ['drop-calls', 'shutdown', 'end'],
  ],
  [
    'a script failure ends the session and carries its calls to a retry',
    verified({ phase: 'loading', live: true, wanted: A, session: 2 }),
    { type: 'load-failed', session: 2, error: offline },
    { phase: 'failed', live: false, session: 3, wanted: A },
    ['shutdown', 'end', 'report'],
  ],
  [
    'a renewal that names nobody ends the user and boots an anonymous visitor',
    verified({
      phase: 'booted',
      live: true,
      wanted: { settings: { userId: 'A', email: 'a@example.com', name: 'Ada' } },
      session: 2,
      identity: { userId: 'A', method: 'jwt', expiresAt: 1 },
    }),
    { type: 'renewal-failed', session: 2, error: offline, retry: false },
    {
      phase: 'loading',
      session: 3,
      identity: null,
      wanted: { settings: { name: 'Ada' }, anonymous: true },
    },
    ['shutdown', 'end', 'boot', 'settle', 'report'],
  ],
  [
    'auth tokens given before any boot wait for it',
    verified(),
    { type: 'auth-tokens', authTokens: { api: 't' } },
    { tokens: { api: 't' } },
    [],
  ],
]

describe('lifecycle transition', () => {
  it.each(rows)('%s', (_, state, event, expected, effects) => {
    const [next, work] = transition(state, event)
    const { status, ...fields } = expected
    expect(next).toMatchObject(fields)
    if (status) expect(snapshotOf(next).status).toBe(status)
    expect(work.map((effect) => effect.type)).toEqual(effects)
  })

  it('ends the old session with its number, so the effects of that session can be told apart', () => {
    const [, effects] = transition(
      verified({ phase: 'booted', live: true, wanted: A, session: 7 }),
      {
        type: 'boot',
        settings: { userId: 'B' },
      },
    )
    expect(effects).toContainEqual(
      expect.objectContaining({ type: 'end', session: 7, carry: false, signedIn: false }),
    )
  })

  it('never leaves state it was given changed (every step makes a new state)', () => {
    const state = verified({ phase: 'booted', live: true, wanted: A, session: 2 })
    const copy = structuredClone(state)
    for (const [, , event] of rows) transition(state, event)
    expect(state).toEqual(copy)
  })
})
