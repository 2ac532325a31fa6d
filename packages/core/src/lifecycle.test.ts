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

describe('lifecycle rules a row of the table cannot show', () => {
  const failedA = verified({ phase: 'failed', wanted: A, session: 2, error: offline })

  it("a boot for another user after A's failed boot drops A's calls; a retry of A carries them", () => {
    const [, other] = transition(failedA, { type: 'boot', settings: { userId: 'B' } })
    expect(other).toContainEqual(expect.objectContaining({ type: 'end', session: 2, carry: false }))
    const [, retry] = transition(failedA, { type: 'boot', settings: { userId: 'A' } })
    expect(retry).toContainEqual(expect.objectContaining({ type: 'end', session: 2, carry: true }))
  })

  it('a boot after a sign-out that never booted is not a retry, and neither is one after a live session', () => {
    const [, fromIdle] = transition(verified(), { type: 'boot', settings: {} })
    expect(fromIdle).toContainEqual(expect.objectContaining({ type: 'end', carry: false }))
    const [, fromLive] = transition(
      { ...failedA, live: true },
      { type: 'boot', settings: { userId: 'A' } },
    )
    expect(fromLive).toContainEqual(expect.objectContaining({ type: 'end', carry: false }))
  })

  it("a failed app sign-out forgets the anonymous boot and settles the sign-out's boot with its error", () => {
    const failure = new Error('sign-out failed')
    const signingOut = verified({
      phase: 'shut-down',
      signingOut: true,
      wanted: { settings: {}, anonymous: true },
      session: 3,
    })
    const [next, effects] = transition(signingOut, {
      type: 'signed-out',
      session: 3,
      error: failure,
    })
    expect(next).toMatchObject({ wanted: undefined, signingOut: false, phase: 'shut-down' })
    expect(effects).toEqual([{ type: 'settle', session: 3, error: failure }])
  })

  it('the same consent again changes nothing; granting with nothing asked for is idle', () => {
    const state = verified({ consent: 'pending', phase: 'shut-down' })
    expect(transition(state, { type: 'consent', consent: 'pending' })).toEqual([state, []])
    const booted = verified({ phase: 'booted', live: true, wanted: A, session: 2 })
    expect(transition(booted, { type: 'consent', consent: 'granted' })).toEqual([booted, []])
    const [granted, effects] = transition(state, { type: 'consent', consent: 'granted' })
    expect(granted.phase).toBe('idle')
    expect(effects).toEqual([])
  })

  it('withdrawing consent to pending ends the session, deletes the cookies and keeps the calls for later', () => {
    const live = verified({ phase: 'booted', live: true, wanted: A, session: 2 })
    const [next, effects] = transition(live, { type: 'consent', consent: 'pending' })
    expect(snapshotOf(next).status).toBe('awaiting-consent')
    expect(effects).toEqual([
      { type: 'shutdown' },
      { type: 'end', session: 2, cookies: true, carry: true, signedIn: false },
    ])
    const [idle] = transition(verified({ phase: 'booted', live: true }), {
      type: 'consent',
      consent: 'denied',
    })
    expect(idle.phase).toBe('idle')
  })

  it('denying consent while it was pending drops the kept calls and ends nothing: no session ran', () => {
    const waiting = verified({ consent: 'pending', phase: 'waiting', wanted: A, session: 2 })
    expect(transition(waiting, { type: 'consent', consent: 'denied' })).toEqual([
      { ...waiting, consent: 'denied' },
      [{ type: 'drop-calls' }],
    ])
  })

  it("only a sign-out and revoked consent delete Intercom's cookies; a shutdown, a new boot, a failed script or renewal keep them", () => {
    const identity = { userId: 'A', method: 'jwt' as const, expiresAt: 5 }
    const live = verified({ phase: 'booted', live: true, wanted: A, session: 2, identity })
    const cookies = (event: KernelEvent) =>
      transition(live, event)[1].flatMap((effect) =>
        effect.type === 'end' ? [effect.cookies] : [],
      )
    expect(cookies({ type: 'sign-out' })).toEqual([true])
    expect(cookies({ type: 'consent', consent: 'denied' })).toEqual([true])
    expect(cookies({ type: 'shutdown' })).toEqual([false])
    expect(cookies({ type: 'boot', settings: { userId: 'B' } })).toEqual([false])
    expect(cookies({ type: 'load-failed', session: 2, error: offline })).toEqual([false])
    expect(cookies({ type: 'renewal-failed', session: 2, error: offline, retry: false })).toEqual([
      false,
    ])
  })

  it('a transient renewal failure keeps the user and tries again before the token expires', () => {
    const identity = { userId: 'A', method: 'jwt' as const, expiresAt: 5 }
    const booted = verified({ phase: 'booted', live: true, wanted: A, session: 2, identity })
    const [next, effects] = transition(booted, {
      type: 'renewal-failed',
      session: 2,
      error: offline,
      retry: true,
    })
    expect(next).toMatchObject({ phase: 'booted', identity, error: offline, session: 2 })
    expect(effects).toEqual([
      { type: 'schedule-renewal', session: 2, expiresAt: 5, userId: 'A' },
      { type: 'report', error: offline, to: 'onIdentityError' },
    ])
  })

  it('a renewed token is handed over and its renewal scheduled; a hash (no expiry) schedules none', () => {
    const identity = { userId: 'A', method: 'jwt' as const, expiresAt: 5 }
    const booted = verified({ phase: 'booted', live: true, wanted: A, session: 2, identity })
    const [next, effects] = transition(booted, { type: 'renewed', session: 2, identity: answer })
    expect(next.identity).toEqual({ ...identity, expiresAt: answer.expires_at })
    expect(effects).toEqual([
      { type: 'renew', identity: answer },
      { type: 'schedule-renewal', session: 2, expiresAt: answer.expires_at, userId: 'A' },
    ])
    const hash = { user_id: 'A', user_hash: 'f'.repeat(64) }
    expect(transition(booted, { type: 'renewed', session: 2, identity: hash })[1]).toEqual([
      { type: 'renew', identity: hash },
    ])
  })

  it('nobody signed in boots the visitor without what named the user; a hash boots without a renewal', () => {
    const asked = verified({
      phase: 'identifying',
      wanted: {
        settings: { userId: 'A', email: 'a@example.com', name: 'Ada', authTokens: { t: '1' } },
      },
      session: 2,
    })
    const [, visitor] = transition(asked, { type: 'identified', session: 2, identity: null })
    expect(visitor[0]).toEqual({
      type: 'boot',
      session: 2,
      settings: { name: 'Ada' },
      identity: null,
    })
    const hash = { user_id: 'A', user_hash: 'f'.repeat(64) }
    const [user, effects] = transition(asked, { type: 'identified', session: 2, identity: hash })
    expect(user.identity).toEqual({ userId: 'A', method: 'hmac', expiresAt: undefined })
    expect(effects.map((effect) => effect.type)).toEqual(['boot', 'settle'])
  })

  it("auth tokens go to Intercom once booted, join the asked boot's settings before, and wait for the next boot", () => {
    const tokens = { api: 't' }
    expect(
      transition(verified({ live: true }), { type: 'auth-tokens', authTokens: tokens })[1],
    ).toEqual([{ type: 'set-auth-tokens', authTokens: tokens }])
    const [asked, kept] = transition(
      verified({ wanted: { settings: { userId: 'A', authTokens: { old: 'o' } } } }),
      {
        type: 'auth-tokens',
        authTokens: tokens,
      },
    )
    expect(asked.wanted?.settings.authTokens).toEqual({ old: 'o', api: 't' })
    expect(kept).toEqual([])
    const [booting] = transition(verified({ tokens }), { type: 'boot', settings: { userId: 'A' } })
    expect(booting).toMatchObject({
      tokens: undefined,
      wanted: { settings: { authTokens: tokens } },
    })
  })

  it("Intercom's callbacks change only what they report", () => {
    const state = verified({ phase: 'booted', live: true, unreadCount: 1 })
    const [next, effects] = transition(state, { type: 'widget', isOpen: true })
    expect(next).toEqual({ ...state, isOpen: true })
    expect(effects).toEqual([])
  })
})

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
