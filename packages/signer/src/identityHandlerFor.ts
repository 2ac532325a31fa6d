import { assertClaims } from './assertClaims'
import { assertExpiresIn, assertOptionsObject, resolveNow } from './assertOptions'
import { describeType } from './assertSecret'
import { isFrameworkControlFlow } from './isFrameworkControlFlow'
import type { IssuedJwt } from './prepareJwtPayload'
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
   * Told about every 500: `getUser` threw (other than a framework's control flow, such as Next's
   * `redirect()`, `notFound()` or a prerender bail-out, which is rethrown to the framework), or returned a user that cannot be signed. Default: a one-line
   * `console.error` with the error's name and, for a `SignerError`, its code and message (never user data).
   */
  onError?: (error: unknown) => void
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number
}

/** Options of `issueIdentity`: the handler's, without the session lookup and error reporting. */
export type IssueIdentityOptions = Pick<
  IdentityHandlerOptions,
  'secret' | 'mode' | 'expiresIn' | 'now'
>

/** What the identity endpoint answers with `200`, and what `initialIdentity` takes in the browser. */
export interface IdentityBody {
  user_id: string
  intercom_user_jwt?: string
  expires_at?: number
  user_hash?: string
}

/**
 * A Fetch API handler: a Next.js route handler as it is, and the shape Hono, Bun and Deno serve. The
 * second argument is passed on to `getUser`; it is optional unless `getUser` needs one (`toNodeHandler`'s
 * `{ req, res }`), so `handler(request)` is a call that type-checks.
 */
export type IdentityHandler<Context = unknown> = (
  request: Request,
  ...context: undefined extends Context ? [context?: Context] : [context: Context]
) => Promise<Response>

const ALLOW = 'GET, HEAD'

/** The runtime's crypto: node:crypto (synchronous) or Web Crypto (asynchronous). */
export interface IdentitySigners {
  issueJwt: (
    user: IntercomUser,
    secret: string,
    options: { expiresIn: number; now: () => number },
  ) => IssuedJwt | Promise<IssuedJwt>
  userHash: (userId: string, secret: string) => string | Promise<string>
}

/**
 * `issueIdentity` over one runtime's crypto: the identity endpoint's body for `user`, or `null` for
 * nobody, so a server that renders the page can hand it to the browser and spare the first request.
 */
export function identityIssuerFor(signers: IdentitySigners) {
  return async function issueIdentity(
    user: IntercomUser | null | undefined,
    options: IssueIdentityOptions,
  ): Promise<IdentityBody | null> {
    assertOptionsObject(options ?? null, '{ secret }')
    const { secret, mode = 'jwt', expiresIn = 3600 } = options
    assertSigningOptions(mode, expiresIn)
    return signIdentity(signers, user, secret, mode, expiresIn, resolveNow(options.now))
  }
}

// Checked once, when the handler is made or an identity is issued; requests do not repeat them.
function assertSigningOptions(mode: string, expiresIn: number) {
  if (mode !== 'jwt' && mode !== 'hmac') {
    throw new SignerError('ERR_OPTIONS', `options.mode must be 'jwt' or 'hmac'.`)
  }
  // The endpoint contract always carries expires_at, which the browser schedules its refresh from.
  assertExpiresIn(expiresIn, false)
}

// The endpoint's body for `user`, or `null` for nobody; the secret is validated by the signing functions.
function signIdentity(
  signers: IdentitySigners,
  user: IntercomUser | null | undefined,
  secret: string | undefined,
  mode: 'jwt' | 'hmac',
  expiresIn: number,
  now: () => number,
): Promise<IdentityBody | null> {
  if (user === null || user === undefined) return Promise.resolve(null)
  return mode === 'jwt'
    ? signJwt(signers, user, secret as string, expiresIn, now)
    : signHash(signers, user, secret as string)
}

/** `createIdentityHandler` over one runtime's crypto; the contract is the same on every runtime. */
export function identityHandlerFor(signers: IdentitySigners) {
  return function createIdentityHandler<Context = unknown>(
    options: IdentityHandlerOptions<Context>,
  ): IdentityHandler<Context> {
    assertOptionsObject(options ?? null, '{ secret, getUser }')
    const { secret, getUser, mode = 'jwt', expiresIn = 3600, onError } = options
    if (typeof getUser !== 'function') {
      throw new SignerError(
        'ERR_OPTIONS',
        `options.getUser must be a function returning the signed-in user or null, got ${describeType(getUser)}.`,
      )
    }
    assertSigningOptions(mode, expiresIn)
    if (onError !== undefined && typeof onError !== 'function') {
      throw new SignerError(
        'ERR_OPTIONS',
        `options.onError must be a function, got ${describeType(onError)}.`,
      )
    }
    const now = resolveNow(options.now)

    return async (request, ...[context]) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return json(request, 405, { error: 'method_not_allowed' }, { Allow: ALLOW })
      }
      let user: IntercomUser | null | undefined
      try {
        user = await getUser(request, context as Context)
      } catch (error) {
        if (isFrameworkControlFlow(error)) throw error
        return failed(request, onError, error, 'getUser threw')
      }
      let body: IdentityBody | null
      try {
        // The secret is validated here, per request, by the signing functions (see `secret` above).
        body = await signIdentity(signers, user, secret, mode, expiresIn, now)
      } catch (error) {
        return failed(request, onError, error, 'signing the identity threw')
      }
      // 204, not 401: a browser logs every 4xx in red, and an anonymous visitor is not an error.
      return body ? json(request, 200, body) : nobodySignedIn()
    }
  }
}

async function signJwt(
  signers: IdentitySigners,
  user: IntercomUser,
  secret: string,
  expiresIn: number,
  now: () => number,
) {
  const { token, expiresAt } = await signers.issueJwt(user, secret, { expiresIn, now })
  return { user_id: user.user_id, intercom_user_jwt: token, expires_at: expiresAt }
}

async function signHash(signers: IdentitySigners, user: IntercomUser, secret: string) {
  assertClaims(user)
  // The legacy hash covers the id alone, so attributes are not sent: they would look verified and are not.
  return { user_id: user.user_id, user_hash: await signers.userHash(user.user_id, secret) }
}

function nobodySignedIn(): Response {
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } })
}

function json(
  request: Request,
  status: number,
  body: object,
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

/**
 * Answers the generic 500 and reports `error`; `step` names what failed in the default log line. The
 * default logger is the only one told the step: `onError` keeps its one-argument signature.
 */
function failed(
  request: Request,
  onError: ((error: unknown) => void) | undefined,
  error: unknown,
  step: string,
): Response {
  try {
    if (onError === undefined) logError(error, step)
    else onError(error)
  } catch {
    // A throwing onError must not turn a clean 500 into an unhandled rejection; the response is decided.
  }
  return json(request, 500, { error: 'internal_error' })
}

function logError(error: unknown, step: string): void {
  if (error instanceof SignerError) {
    console.error(`${error.message} (${error.code}; the identity endpoint answered 500)`)
    return
  }
  const thrown = error instanceof Error ? error.name : describeType(error)
  console.error(
    `[verified-messenger/signer] the identity endpoint answered 500: ${step} ${thrown}. Pass onError to log the details.`,
  )
}
