import { assertClaims } from './assertClaims'
import { assertExpiresIn, assertOptionsObject, resolveNow } from './assertOptions'
import { describeType } from './assertSecret'
import { createUserHash } from './createUserHash'
import { issueIntercomJwt } from './issueIntercomJwt'
import { SignerError } from './SignerError'
import type { IntercomUser } from './types'

/** Options of `createIdentityHandler`. */
export interface IdentityHandlerOptions<Context = unknown> {
  /**
   * The workspace's Messenger secret. Checked on each request rather than at import, so a build that runs
   * without the env variable still succeeds; a bad secret answers 500 and reaches `onError` as `ERR_SECRET`.
   */
  secret: string | undefined
  /**
   * Returns the signed-in user from your own session, or `null` (or `undefined`) when nobody is signed in.
   * The only source of the user id: never read it from the query, body or headers.
   */
  getUser: (
    request: Request,
    context: Context,
  ) => IntercomUser | null | undefined | Promise<IntercomUser | null | undefined>
  /** `'jwt'` issues `intercom_user_jwt` (Messenger security); `'hmac'` the legacy `user_hash`. Default `'jwt'`. */
  mode?: 'jwt' | 'hmac'
  /** JWT lifetime in seconds. Default 3600. */
  expiresIn?: number
  /**
   * Told about every 500: `getUser` threw, or returned a user that cannot be signed. Default: a one-line
   * `console.error` with the error's name and, for a `SignerError`, its code and message (never user data).
   */
  onError?: (error: unknown) => void
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number
}

/** A Fetch API handler: a Next.js route handler as it is, and the shape Hono, Bun and Deno serve. */
export type IdentityHandler<Context = unknown> = (
  request: Request,
  context: Context,
) => Promise<Response>

const ALLOW = 'GET, HEAD'

/**
 * Creates the identity endpoint: `GET` answers `200` with the signed identity of the user `getUser` finds
 * in your session, `401` when there is none, `405` for other methods and a generic `500` when `getUser`
 * fails. Every response is JSON with `Cache-Control: no-store`.
 *
 * @example
 * // app/api/intercom/identity/route.ts
 * export const GET = createIdentityHandler({
 *   secret: process.env.INTERCOM_IDENTITY_SECRET,
 *   getUser: async () => {
 *     const session = await auth()
 *     return session ? { user_id: session.user.id, email: session.user.email } : null
 *   },
 * })
 */
export function createIdentityHandler<Context = unknown>(
  options: IdentityHandlerOptions<Context>,
): IdentityHandler<Context> {
  assertOptionsObject(options ?? null, '{ secret, getUser }')
  const { secret, getUser, mode = 'jwt', expiresIn = 3600, onError = logError } = options
  if (typeof getUser !== 'function') {
    throw new SignerError(
      'ERR_OPTIONS',
      `options.getUser must be a function returning the signed-in user or null, got ${describeType(getUser)}.`,
    )
  }
  if (mode !== 'jwt' && mode !== 'hmac') {
    throw new SignerError('ERR_OPTIONS', `options.mode must be 'jwt' or 'hmac'.`)
  }
  // The endpoint contract always carries expires_at, which the browser schedules its refresh from.
  assertExpiresIn(expiresIn, false)
  if (typeof onError !== 'function') {
    throw new SignerError(
      'ERR_OPTIONS',
      `options.onError must be a function, got ${describeType(onError)}.`,
    )
  }
  const now = resolveNow(options.now)

  return async (request, context) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return json(request, 405, { error: 'method_not_allowed' }, { Allow: ALLOW })
    }
    let body: Record<string, unknown>
    try {
      const user = await getUser(request, context)
      if (user === null || user === undefined) {
        return json(request, 401, { error: 'unauthenticated' })
      }
      // The secret is validated here, per request, by the signing functions (see `secret` above).
      body =
        mode === 'jwt'
          ? signJwt(user, secret as string, expiresIn, now)
          : signHash(user, secret as string)
    } catch (error) {
      reportSafely(onError, error)
      return json(request, 500, { error: 'internal_error' })
    }
    return json(request, 200, body)
  }
}

function signJwt(user: IntercomUser, secret: string, expiresIn: number, now: () => number) {
  const { token, expiresAt } = issueIntercomJwt(user, secret, { expiresIn, now })
  return { user_id: user.user_id, intercom_user_jwt: token, expires_at: expiresAt }
}

function signHash(user: IntercomUser, secret: string) {
  assertClaims(user)
  // The legacy hash covers the id alone, so attributes are not sent: they would look verified and are not.
  return { user_id: user.user_id, user_hash: createUserHash(user.user_id, secret) }
}

function json(
  request: Request,
  status: number,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Response {
  return new Response(request.method === 'HEAD' ? null : JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...headers,
    },
  })
}

/** A throwing `onError` must not turn a clean 500 into an unhandled rejection. */
function reportSafely(onError: (error: unknown) => void, error: unknown): void {
  try {
    onError(error)
  } catch {
    // The response is already decided; there is nowhere better to report this.
  }
}

function logError(error: unknown): void {
  if (error instanceof SignerError) {
    console.error(`${error.message} (${error.code}; the identity endpoint answered 500)`)
    return
  }
  const thrown = error instanceof Error ? error.name : describeType(error)
  console.error(
    `[verified-messenger/signer] the identity endpoint answered 500: getUser threw ${thrown}. Pass onError to log the details.`,
  )
}
