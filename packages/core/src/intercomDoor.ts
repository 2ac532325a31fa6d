import { devWarning } from './devWarning'
import type { IntercomWindow } from './loader'
import { signedFieldsOf } from './signedFields'
import type { IdentityResponse } from './types'

/** Settings on their way to `window.Intercom`: snake_case, built on a null prototype. */
export type Payload = Record<string, unknown>

/** Who the session the door serves is for, which decides what the app may say on its behalf. */
export type SessionKind =
  /** `identity` is not configured: the app's own values pass, as in react-use-intercom. */
  | 'unverified'
  /** The identity endpoint vouched for a user: only its answer names them. */
  | 'verified'
  /** `identity` is configured and nobody is signed in: nothing that names a user. */
  | 'anonymous'

// Keys that name a user or prove who they are, compared without case, `_` or `-`.
const IDENTITY = ['userid', 'userhash', 'intercomuserjwt']
// An anonymous visitor is not booted with an email or a user's data-connector tokens (a later
// update({ email }) is how a visitor becomes a lead, and passes).
const ANONYMOUS = [...IDENTITY, 'email', 'authtokens']

const normal = (key: string) => key.toLowerCase().replace(/[^a-z\d]/g, '')

// Any plain object, whatever its prototype: a JSON `__proto__` key may have given it one.
const isRecord = (value: unknown): value is Payload =>
  Object.prototype.toString.call(value) === '[object Object]'

/**
 * A copy of `value` without the keys in `drop` at any depth (inside `custom_attributes`, companies,
 * arrays), without `__proto__` keys and without anything inherited; objects come out on a null
 * prototype, so nothing on `Object.prototype` can stand in for a missing key either.
 */
export const withoutKeys = (value: unknown, drop: string[]): unknown => {
  if (Array.isArray(value)) return value.map((item) => withoutKeys(item, drop))
  if (!isRecord(value)) return value
  const out: Payload = Object.create(null)
  for (const key of Object.keys(value)) {
    if (key !== '__proto__' && !drop.includes(normal(key))) {
      out[key] = withoutKeys(value[key], drop)
    }
  }
  return out
}

const SESSION = '__verifiedMessenger'

/** The one door to the widget: every call to `window.Intercom` and every write of `intercomSettings`. */
export interface IntercomDoor {
  /**
   * Boots `settings` (already snake_case) for a session of `kind`; only `proof`, the identity endpoint's
   * answer, adds `user_id` and its token or hash. Booting the session this page already runs (a remounted
   * Messenger) hands the settings over with `update` instead.
   */
  boot(settings: Payload, kind: SessionKind, proof: IdentityResponse | null): void
  /** Hands over a renewed proof of the running session, and drops plaintext copies of what it signs. */
  renew(proof: IdentityResponse): void
  /**
   * An app call: objects in its arguments lose what the session's kind forbids. `update` with settings
   * also merges them into `intercomSettings`, minus what the session's JWT signs; a bare `update` is
   * Intercom's ping and carries `last_request_at`.
   */
  call(name: string, args: unknown[]): unknown
  /** Shuts Intercom down, when this door booted it, and forgets its settings. */
  shutdown(): void
}

/** Opens the door for the Messenger of `appId`. */
export const createIntercomDoor = (appId: string): IntercomDoor => {
  const w = window as IntercomWindow & { [SESSION]?: string }
  let drop: string[] = []
  let booted = false
  // What the session's JWT signs: never sent in plaintext beside it.
  let signed: string[] = []

  const intercom = (...args: unknown[]) =>
    typeof w.Intercom === 'function' ? w.Intercom(...args) : undefined

  // Writes the settings Intercom holds, minus plaintext copies of signed fields.
  const hold = (settings: Payload) => {
    for (const key of signed) delete settings[key]
    w.intercomSettings = settings
    return settings
  }

  return {
    boot(settings, kind, proof) {
      drop = kind === 'unverified' ? [] : IDENTITY
      const { expires_at, ...verified } = proof ?? {}
      const payload = Object.assign(
        withoutKeys(settings, kind === 'anonymous' ? ANONYMOUS : drop) as Payload,
        verified,
      )
      signed = signedFieldsOf(payload.intercom_user_jwt)
      const key = `${appId}:${payload.user_id ?? ''}`
      intercom(w[SESSION] === key ? 'update' : 'boot', hold(payload))
      w[SESSION] = key
      booted = true
    },
    renew({ expires_at, user_id, ...proof }) {
      signed = signedFieldsOf(proof.intercom_user_jwt)
      hold(Object.assign(withoutKeys(w.intercomSettings ?? {}, []) as Payload, proof))
      intercom('update', proof)
    },
    call(name, args) {
      const [settings] = args
      if (name === 'update') {
        if (!settings) return intercom(name, { last_request_at: Math.floor(Date.now() / 1000) })
        const payload = withoutKeys(settings, drop) as Payload
        const refused = signed.filter((key) => key in payload && delete payload[key])
        try {
          if (process.env.NODE_ENV !== 'production' && refused.length) {
            devWarning(
              `update() ignores ${refused}: the identity JWT signs it. Sign the new value into the token on your server.`,
            )
          }
        } catch {}
        hold(Object.assign(withoutKeys(w.intercomSettings ?? {}, []) as Payload, payload))
        return intercom(name, payload)
      }
      return intercom(name, ...args.map((arg) => withoutKeys(arg, drop)))
    },
    shutdown() {
      if (booted) {
        intercom('shutdown')
        delete w[SESSION]
      }
      delete w.intercomSettings
      booted = false
      signed = []
    },
  }
}
