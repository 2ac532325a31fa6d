import { assertClaims } from './assertClaims'
import { assertExpiresIn, assertOptionsObject, resolveNow } from './assertOptions'
import { assertSecret } from './assertSecret'
import type { IntercomUser } from './types'

/** Options of `signIntercomJwt`. */
export interface SignOptions {
  /** Lifetime in seconds, or `false` for no `exp`. Default 3600 (one hour). */
  expiresIn?: number | false
  /** The clock, in milliseconds since the epoch. Default `Date.now`. */
  now?: () => number
}

/** A signed token and its `exp` (seconds since the epoch), when it has one. */
export interface IssuedJwt {
  token: string
  expiresAt: number | undefined
}

/**
 * Checks what is to be signed and returns the payload JSON with `iat` (and `exp`) appended: everything
 * of signing but the encoding and the MAC, which each runtime does with its own crypto.
 */
export function prepareJwtPayload(
  claims: IntercomUser,
  secret: string,
  options: SignOptions | undefined,
): { json: string; expiresAt: number | undefined } {
  assertSecret(secret)
  assertClaims(claims)
  assertOptionsObject(options, '{ expiresIn: 3600 }')
  const expiresIn = options?.expiresIn ?? 3600
  assertExpiresIn(expiresIn, true)
  const issuedAt = Math.floor(resolveNow(options?.now)() / 1000)
  const expiresAt = expiresIn === false ? undefined : issuedAt + expiresIn
  // assertClaims guarantees a non-empty plain object, so the JSON ends in '}' and the time claims can be
  // appended to it without copying the claims into a new object.
  const json = JSON.stringify(claims)
  const timeClaims =
    expiresAt === undefined ? `,"iat":${issuedAt}}` : `,"iat":${issuedAt},"exp":${expiresAt}}`
  return { json: json.slice(0, -1) + timeClaims, expiresAt }
}
