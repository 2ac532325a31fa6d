import type { Effect, KernelEvent, KernelState } from './kernelState'
import type { MessengerError } from './MessengerError'
import type { BootSettings, IdentityResponse, VerifiedIdentity } from './types'

type Result = [KernelState, Effect[]]

// What an anonymous visitor may be booted with: nothing that names a user, not even an email or a token.
const anonymous = ({
  email,
  authTokens,
  userId,
  userHash,
  intercomUserJwt,
  ...rest
}: BootSettings) => rest

/**
 * Ends the running session: Intercom shuts down, its work stops, and the next session gets a new number.
 * `carry` hands what was asked of it (the boot's promise, calls kept for it) to the next session.
 */
const end = (state: KernelState, cookies = false, carry = false): Result => [
  {
    ...state,
    session: state.session + 1,
    live: false,
    identity: null,
    isOpen: false,
    unreadCount: 0,
    signingOut: false,
  },
  [
    { type: 'shutdown' },
    { type: 'end', session: state.session, cookies, carry, signedIn: !!state.identity },
  ],
]

/** Asks for the identity of `session` to be renewed before it expires (a token without expiry never is). */
const renewal = (session: number, identity: VerifiedIdentity | null): Effect[] =>
  identity?.expiresAt
    ? [
        {
          type: 'schedule-renewal',
          session,
          expiresAt: identity.expiresAt,
          userId: identity.userId,
        },
      ]
    : []

/** Sends the boot of `settings`, verified by `identity` or anonymous, in the current session. */
const send = (
  state: KernelState,
  settings: BootSettings,
  identity: IdentityResponse | null,
): Result => {
  const { session } = state
  const verified: VerifiedIdentity | null = identity && {
    userId: identity.user_id,
    method: identity.intercom_user_jwt ? 'jwt' : 'hmac',
    expiresAt: identity.expires_at,
  }
  return [
    { ...state, phase: 'loading', live: true, error: null, identity: verified },
    [
      { type: 'boot', session, settings, identity },
      { type: 'settle', session },
      ...renewal(session, verified),
    ],
  ]
}

/** Moves the wanted boot on as far as consent and a running sign-out allow. */
const proceed = ([state, effects]: Result): Result => {
  const { wanted, verified, session } = state
  if (!wanted || state.signingOut) return [state, effects]
  if (state.consent !== 'granted') return [{ ...state, phase: 'waiting' }, effects]
  if (!verified || wanted.anonymous) {
    const [next, more] = send(state, verified ? anonymous(wanted.settings) : wanted.settings, null)
    return [next, [...effects, ...more]]
  }
  return [
    { ...state, phase: 'identifying' },
    [...effects, { type: 'identify', session, userId: wanted.settings.userId }],
  ]
}

const fail = (state: KernelState, error: MessengerError): Result => [
  { ...state, phase: 'failed', error },
  [
    { type: 'report', error, to: 'onIdentityError' },
    { type: 'settle', session: state.session, error },
  ],
]

/**
 * The kernel's only writer of state: the next state for `event`, and the effects to run for it.
 * Pure, so every rule of the lifecycle is a row in a table test.
 */
export const transition = (state: KernelState, event: KernelEvent): Result => {
  // Reports of a session that has ended since it started the work are dropped.
  if ('session' in event && event.session !== state.session) return [state, []]
  switch (event.type) {
    case 'boot': {
      const { settings } = event
      const { tokens } = state
      // A failed boot retried for the same user takes the calls made for it along.
      const retry =
        state.phase === 'failed' && !state.live && state.wanted?.settings.userId === settings.userId
      const [ended, effects] = end(state, false, retry)
      return proceed([
        {
          ...ended,
          tokens: undefined,
          wanted: {
            settings: tokens
              ? { ...settings, authTokens: { ...tokens, ...settings.authTokens } }
              : settings,
          },
        },
        effects,
      ])
    }
    case 'shutdown': {
      const [ended, effects] = end(state)
      return [{ ...ended, wanted: undefined, tokens: undefined, phase: 'shut-down' }, effects]
    }
    case 'sign-out': {
      const [ended, effects] = end(state, true)
      return [
        {
          ...ended,
          wanted: { settings: {}, anonymous: true },
          tokens: undefined,
          signingOut: true,
          phase: 'shut-down',
        },
        effects,
      ]
    }
    case 'signed-out':
      if (event.error !== undefined) {
        return [
          { ...state, wanted: undefined, signingOut: false },
          [{ type: 'settle', session: state.session, error: event.error }],
        ]
      }
      return proceed([{ ...state, signingOut: false }, []])
    case 'consent': {
      const { consent } = event
      const was = state.consent
      if (consent === was) return [state, []]
      const changed = { ...state, consent }
      if (consent === 'granted') {
        return proceed([changed.wanted ? changed : { ...changed, phase: 'idle' }, []])
      }
      const dropped: Effect[] = consent === 'denied' ? [{ type: 'drop-calls' }] : []
      if (was !== 'granted') return [changed, dropped]
      // Revoked: the session ends and its cookies go; what was asked for boots again once granted.
      const [ended, effects] = end(changed, true, true)
      return [{ ...ended, phase: ended.wanted ? 'waiting' : 'idle' }, [...dropped, ...effects]]
    }
    case 'auth-tokens': {
      const { authTokens } = event
      if (state.live) return [state, [{ type: 'set-auth-tokens', authTokens }]]
      const { wanted } = state
      // A user's credentials: kept with the boot they were given for, never another user's.
      if (wanted) {
        const settings = {
          ...wanted.settings,
          authTokens: { ...wanted.settings.authTokens, ...authTokens },
        }
        return [{ ...state, wanted: { ...wanted, settings } }, []]
      }
      return [{ ...state, tokens: { ...state.tokens, ...authTokens } }, []]
    }
    case 'identified': {
      const { identity } = event
      const settings = state.wanted?.settings ?? {}
      // The endpoint's 204/401 for a named user is refused by the effect runner, so null here is a visitor.
      return send(state, identity ? settings : anonymous(settings), identity)
    }
    case 'identity-failed':
      return fail(state, event.error)
    case 'loaded':
      return [{ ...state, phase: 'booted' }, [{ type: 'loaded' }]]
    case 'load-failed': {
      const { error } = event
      // A boot() retried for the same user gets the calls made for this one.
      const [ended, effects] = end(state, false, true)
      return [
        { ...ended, phase: 'failed', error },
        [...effects, { type: 'report', error, to: 'onLoadFailed' }],
      ]
    }
    case 'renewed': {
      const { identity } = event
      const renewed = state.identity && { ...state.identity, expiresAt: identity.expires_at }
      return [
        { ...state, identity: renewed },
        [{ type: 'renew', identity }, ...renewal(state.session, renewed)],
      ]
    }
    case 'renewal-failed': {
      const { error } = event
      const report: Effect = { type: 'report', error, to: 'onIdentityError' }
      if (event.retry && state.identity?.expiresAt) {
        return [{ ...state, error }, [...renewal(state.session, state.identity), report]]
      }
      // The user's session is over: the Messenger goes on for an anonymous visitor.
      const [ended, effects] = end(state)
      const visitor = anonymous(state.wanted?.settings ?? {})
      const [next, more] = proceed([
        { ...ended, wanted: { settings: visitor, anonymous: true } },
        effects,
      ])
      return [{ ...next, error }, [...more, report]]
    }
    case 'resumed':
      return [state, renewal(state.session, state.identity)]
    case 'widget': {
      const { type, ...patch } = event
      return [{ ...state, ...patch }, []]
    }
  }
}
