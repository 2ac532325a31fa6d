import { devWarning } from './devWarning'
import { fail, MessengerError } from './MessengerError'
import type { IdentityRequestContext, IdentityResponse, IdentitySource } from './types'

/** Milliseconds one identity request may take before it counts as `IDENTITY_TIMEOUT`. */
export const IDENTITY_TIMEOUT = 10_000
/** Retries after a transient failure (network, timeout, 5xx, 429); waits of 1, 2, 4 and 5 s (doubling, capped at 5 s). */
export const IDENTITY_RETRIES = 4

/** An identity the endpoint vouched for; `expires_at` is the JWT's `exp` when it has one. */
export type VerifiedResponse = IdentityResponse

/** Whether an identity failure may go away by itself, so the request is worth repeating. */
export const isTransient = ({ code, status = 0 }: MessengerError): boolean =>
  code === 'IDENTITY_NETWORK' ||
  code === 'IDENTITY_TIMEOUT' ||
  (code === 'IDENTITY_HTTP' && (status === 429 || status >= 500))

/** A JWT's claims: its base64url JSON payload, decoded as UTF-8 so non-ASCII user ids compare correctly. */
export const decodeClaims = (jwt: string): { user_id?: unknown; exp?: unknown } => {
  const part = (jwt.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/')
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0))))
}

/**
 * Checks the endpoint's body against the contract: a `user_id` (the one asked for, if any) and either a
 * JWT whose `user_id` claim matches and that has not expired, or a hex `user_hash`. The browser does not
 * verify the JWT's signature: it has no secret, and Intercom verifies it.
 */
export const verifyIdentity = (body: unknown, userId: string | undefined): VerifiedResponse => {
  const {
    user_id: id,
    intercom_user_jwt: jwt,
    user_hash: hash,
  } = (body ?? {}) as Partial<IdentityResponse>
  if (
    typeof id !== 'string' ||
    !id ||
    (typeof jwt !== 'string' && !/^[0-9a-f]{64}$/i.test(`${hash}`))
  ) {
    throw fail('IDENTITY_INVALID', 'fields')
  }
  if (userId !== undefined && id !== userId) {
    throw fail('IDENTITY_MISMATCH', 'boot')
  }
  if (typeof jwt !== 'string') return { user_id: id, user_hash: hash }
  let claims: ReturnType<typeof decodeClaims>
  try {
    claims = decodeClaims(jwt)
  } catch {
    throw fail('IDENTITY_INVALID', 'jwt')
  }
  if (claims?.user_id !== id) {
    throw fail('IDENTITY_MISMATCH', 'jwt')
  }
  const exp = typeof claims.exp === 'number' ? claims.exp : (body as IdentityResponse).expires_at
  const left = exp === undefined ? Infinity : exp * 1000 - Date.now()
  if (left <= 0) {
    throw fail('IDENTITY_EXPIRED')
  }
  try {
    if (process.env.NODE_ENV !== 'production' && left < 60_000) {
      devWarning(
        'the identity JWT expires in under a minute, so it is renewed very often: issue tokens that live about an hour.',
      )
    }
  } catch {}
  return { user_id: id, intercom_user_jwt: jwt, expires_at: exp }
}

/** Makes one request to `source` and returns its raw body (`null` for nobody signed in), unverified. */
export const fetchBody = async (source: IdentitySource, context: IdentityRequestContext) => {
  if (typeof source === 'function') return source(context)
  const { url, init } = typeof source === 'string' ? { url: source, init: undefined } : source
  const response = await fetch(url, { cache: 'no-store', ...init, signal: context.signal })
  // 204 is how current endpoints say "nobody signed in" (no console error); 401 from older ones.
  if (response.status === 204 || response.status === 401) return null
  if (!response.ok) {
    throw fail('IDENTITY_HTTP', response.status)
  }
  try {
    return await response.json()
  } catch {
    throw fail('IDENTITY_INVALID', 'json')
  }
}

/**
 * Asks `source` who the user is (for `userId` when given), following the identity endpoint contract:
 * resolves to the verified identity, or `null` when nobody is signed in (204 or 401). Transient failures are retried
 * with backoff; aborting `session` (shutdown, a user switch) stops the request and any wait, and rejects.
 */
export const requestIdentity = async (
  source: IdentitySource,
  userId: string | undefined,
  reason: IdentityRequestContext['reason'],
  session: AbortSignal,
): Promise<VerifiedResponse | null> => {
  for (let retry = 0; ; retry++) {
    // One controller per attempt, aborted by its timeout or by the session.
    const controller = new AbortController()
    const { signal } = controller
    const stop = () => controller.abort()
    const timer = setTimeout(stop, IDENTITY_TIMEOUT)
    session.addEventListener('abort', stop)
    try {
      // Raced against the signal, so a custom transport that ignores it still times out.
      const body = await new Promise((resolve, reject) => {
        signal.addEventListener('abort', reject)
        fetchBody(source, { userId, reason, signal }).then(resolve, reject)
      })
      return body === null ? null : verifyIdentity(body, userId)
    } catch (caught) {
      if (session.aborted) throw caught
      const error = signal.aborted
        ? fail('IDENTITY_TIMEOUT', IDENTITY_TIMEOUT)
        : caught instanceof MessengerError
          ? caught
          : fail('IDENTITY_NETWORK', `${caught}`)
      if (retry >= IDENTITY_RETRIES || !isTransient(error)) throw error
      await new Promise((resolve, reject) => {
        setTimeout(resolve, Math.min(1000 * 2 ** retry, 5000))
        session.addEventListener('abort', reject)
      })
    } finally {
      clearTimeout(timer)
      session.removeEventListener('abort', stop)
    }
  }
}
