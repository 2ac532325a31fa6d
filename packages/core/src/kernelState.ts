import type { MessengerError } from './MessengerError'
import type {
  AuthTokens,
  BootSettings,
  Consent,
  IdentityResponse,
  MessengerSnapshot,
  MessengerStatus,
  VerifiedIdentity,
} from './types'

/** What the app asked to boot; `anonymous` skips the identity endpoint (the visitor just signed out). */
export interface Wanted {
  settings: BootSettings
  anonymous?: boolean
}

/** Where the current session is; `status` is derived from it and consent. */
export type Phase =
  | 'idle'
  | 'waiting'
  | 'identifying'
  | 'loading'
  | 'booted'
  | 'failed'
  | 'shut-down'

/** Everything the kernel knows; only `transition` makes a new one. */
export interface KernelState {
  /** `identity` is configured: users are only ever booted as the identity endpoint vouches. */
  readonly verified: boolean
  consent: Consent
  /**
   * The session's number. It grows whenever a session ends; every event and call tagged with an older
   * number belongs to a session that is over, and is dropped.
   */
  session: number
  phase: Phase
  wanted?: Wanted
  /** The app's own sign-out is running: the anonymous boot after it waits. */
  signingOut?: boolean
  /** Data-connector tokens given while no boot was asked for, kept for the next one. */
  tokens?: AuthTokens
  /** Boot was sent to Intercom and not shut down since. */
  live: boolean
  identity: VerifiedIdentity | null
  error: MessengerError | null
  isOpen: boolean
  unreadCount: number
}

/** Something that happened: asked by the app, or reported by an effect for its `session`. */
export type KernelEvent =
  | { type: 'boot'; settings: BootSettings }
  | { type: 'shutdown' }
  | { type: 'sign-out' }
  | { type: 'signed-out'; session: number; error?: unknown }
  | { type: 'consent'; consent: Consent }
  | { type: 'auth-tokens'; authTokens: AuthTokens }
  | { type: 'identified'; session: number; identity: IdentityResponse | null }
  | { type: 'identity-failed'; session: number; error: MessengerError }
  | { type: 'loaded'; session: number }
  | { type: 'load-failed'; session: number; error: MessengerError }
  | { type: 'renewed'; session: number; identity: IdentityResponse }
  | { type: 'renewal-failed'; session: number; error: MessengerError; retry: boolean }
  /** The Messenger is used again after `destroy()` (React StrictMode's remount): its renewal resumes. */
  | { type: 'resumed' }
  | { type: 'widget'; isOpen?: boolean; unreadCount?: number }

/** Work the effect runner does for a transition, in order, after the new state is committed. */
export type Effect =
  /**
   * Stops everything of `session` (requests, timers) and drops its calls, or with `carry` hands them and
   * its unsettled boot to the next session; `cookies` also deletes the app's `intercom-*` cookies. When it
   * was signed in (or the cookies go), the tabs' rendered identities are no longer trusted.
   */
  | { type: 'end'; session: number; cookies: boolean; carry: boolean; signedIn: boolean }
  /** Shuts Intercom down (when booted) and deletes `window.intercomSettings`. */
  | { type: 'shutdown' }
  | { type: 'identify'; session: number; userId?: string }
  | { type: 'boot'; session: number; settings: BootSettings; identity: IdentityResponse | null }
  | { type: 'schedule-renewal'; session: number; expiresAt: number; userId: string }
  | { type: 'renew'; identity: IdentityResponse }
  | { type: 'set-auth-tokens'; authTokens: AuthTokens }
  | { type: 'drop-calls' }
  | { type: 'settle'; session: number; error?: unknown }
  | { type: 'report'; error: MessengerError; to: 'onIdentityError' | 'onLoadFailed' }
  | { type: 'loaded' }

export const initialState = (verified: boolean, consent: Consent): KernelState => ({
  verified,
  consent,
  session: 1,
  phase: 'idle',
  live: false,
  identity: null,
  error: null,
  isOpen: false,
  unreadCount: 0,
})

/** The snapshot the app reads: `status` derived from the phase and consent. */
export const snapshotOf = (state: KernelState): MessengerSnapshot => {
  const { phase, consent } = state
  const status: MessengerStatus =
    phase === 'failed'
      ? 'error'
      : phase === 'idle' || phase === 'waiting'
        ? consent === 'pending'
          ? 'awaiting-consent'
          : 'idle'
        : phase
  return {
    status,
    consent,
    isOpen: state.isOpen,
    unreadCount: state.unreadCount,
    identity: state.identity,
    error: state.error,
  }
}
