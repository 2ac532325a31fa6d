import { assertClockTolerance, assertOptionsObject, resolveNow } from './assertOptions'
import { assertSecret } from './assertSecret'
import { type JwtSegments, splitJwt } from './decodeJwt'
import { assertHs256Header } from './jwtHeader'
import { SignerError } from './SignerError'
import type { IntercomJwtClaims } from './types'

/** Options of `verifyIntercomJwt`. */
export interface VerifyOptions {
  /** Require this `user_id`; any other is `ERR_JWT_CLAIM`. */
  userId?: string
  /** Seconds of clock skew allowed on `exp` and `nbf`. Default 5. */
  clockTolerance?: number
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number
}

/** A token checked up to its signature, which each runtime's crypto checks next. */
export interface Verification {
  secrets: readonly string[]
  segments: JwtSegments
  /** Checks the claims of a token whose signature matched. */
  checkClaims: (claims: Record<string, unknown>) => IntercomJwtClaims
}

/**
 * Everything of `verifyIntercomJwt` that needs no MAC: the secrets, the options, the token's shape and
 * its HS256 header (refused before any MAC), and the claim checks to run once the signature matched.
 */
export function beginVerification(
  token: string,
  secretOrSecrets: string | readonly string[],
  options: VerifyOptions | undefined,
): Verification {
  const secrets = toSecretList(secretOrSecrets)
  assertOptionsObject(options, "{ userId: '123' }")
  const clockTolerance = options?.clockTolerance ?? 5
  assertClockTolerance(clockTolerance)
  const now = resolveNow(options?.now)
  const segments = splitJwt(token)
  assertHs256Header(segments.header)
  return {
    secrets,
    segments,
    checkClaims: (claims) => checkClaims(claims, options?.userId, clockTolerance, now),
  }
}

/** What every runtime throws when no secret's MAC matches. */
export function signatureMismatch(): SignerError {
  return new SignerError(
    'ERR_JWT_SIGNATURE',
    'the token signature does not match the secret. Check that the server signs with the same Messenger secret it verifies with.',
  )
}

function checkClaims(
  claims: Record<string, unknown>,
  userId: string | undefined,
  clockTolerance: number,
  now: () => number,
): IntercomJwtClaims {
  if (typeof claims.user_id !== 'string' || claims.user_id.length === 0) {
    throw claimError(
      'the token has no user_id string. Intercom requires one; sign with signIntercomJwt.',
    )
  }
  if (userId !== undefined && claims.user_id !== userId) {
    throw claimError(
      'the token user_id is not the user expected. Never boot the Messenger with it.',
    )
  }
  const seconds = Math.floor(now() / 1000)
  // A token without exp never expires, and one without nbf is valid from the start.
  const exp = readTime(claims, 'exp') ?? Number.POSITIVE_INFINITY
  if (seconds - clockTolerance >= exp) {
    throw new SignerError(
      'ERR_JWT_EXPIRED',
      `the token expired ${seconds - exp} s ago (tolerance ${clockTolerance} s). Fetch a fresh one from the identity endpoint.`,
    )
  }
  const nbf = readTime(claims, 'nbf') ?? Number.NEGATIVE_INFINITY
  if (seconds + clockTolerance < nbf) {
    throw new SignerError(
      'ERR_JWT_NOT_YET_VALID',
      `the token is not valid for another ${nbf - seconds} s (tolerance ${clockTolerance} s). Check the signing server's clock.`,
    )
  }
  // iat is informational (no maximum age here), but one that is not a number means a broken signer.
  readTime(claims, 'iat')
  return claims as IntercomJwtClaims
}

function toSecretList(secretOrSecrets: unknown): readonly string[] {
  const secrets = Array.isArray(secretOrSecrets) ? secretOrSecrets : [secretOrSecrets]
  if (secrets.length === 0) {
    throw new SignerError(
      'ERR_SECRET',
      'the list of secrets is empty. Pass at least the current secret.',
    )
  }
  secrets.forEach((secret, index) => {
    assertSecret(secret, secrets === secretOrSecrets ? `secrets[${index}]` : 'secret')
  })
  return secrets as readonly string[]
}

function readTime(
  claims: Record<string, unknown>,
  name: 'exp' | 'nbf' | 'iat',
): number | undefined {
  const value = claims[name]
  if (value === undefined) return undefined
  // Number.isFinite is false for anything that is not a number (and for 1e999, parsed as Infinity).
  if (!Number.isFinite(value)) {
    throw claimError(`the token ${name} is not a number of seconds since the epoch.`)
  }
  return value as number
}

function claimError(message: string): SignerError {
  return new SignerError('ERR_JWT_CLAIM', message)
}
