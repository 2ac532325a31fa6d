import { timingSafeEqual } from 'node:crypto'
import { createUserHash, SignerError, verifyIntercomJwt } from '@verified-messenger/signer'
import { identityRefusalMessage, type RefusalCode } from './identityRefusal'

/** What the fake server concluded about a boot payload. */
export type BootVerdict =
  | { verified: true; user_id?: string; email?: string; name?: string }
  | { verified: false; anonymous: true }
  | { verified: false; code: Exclude<RefusalCode, 'ERR_PING_FAILED'>; error: string }

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined)

// Three base64url segments, the first a JSON object ("eyJ" is `{"`): what a JWT looks like.
const jwtShape = /^eyJ[\w-]*\.[\w-]+\.[\w-]+$/

function refused(code: Exclude<RefusalCode, 'ERR_PING_FAILED'>): BootVerdict {
  return { verified: false, code, error: identityRefusalMessage(code) }
}

function sameHex(expected: string, given: string): boolean {
  const a = Buffer.from(expected)
  const b = Buffer.from(given.toLowerCase())
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Checks a boot payload as Intercom does with Messenger security on: an `intercom_user_jwt` signed with
 * one of `secrets` for this `user_id`, or a legacy `user_hash` of the `user_id` (or email). A payload
 * without either identifier is an anonymous visitor.
 */
export function verifyBootPayload(
  payload: Record<string, unknown>,
  secrets: readonly string[],
): BootVerdict {
  const userId = text(payload.user_id)
  const email = text(payload.email)
  const jwt = text(payload.intercom_user_jwt)
  const userHash = text(payload.user_hash)

  if (userHash !== undefined && jwtShape.test(userHash)) return refused('ERR_JWT_IN_USER_HASH')
  if (jwt !== undefined) {
    try {
      const claims = verifyIntercomJwt(jwt, secrets)
      if (userId !== undefined && claims.user_id !== userId) return refused('ERR_USER_ID_MISMATCH')
      const claimedEmail = text(claims.email) ?? email
      const claimedName = text(claims.name) ?? text(payload.name)
      return {
        verified: true,
        user_id: claims.user_id,
        ...(claimedEmail !== undefined && { email: claimedEmail }),
        ...(claimedName !== undefined && { name: claimedName }),
      }
    } catch (error) {
      if (error instanceof SignerError && error.code === 'ERR_JWT_EXPIRED') {
        return refused('ERR_JWT_EXPIRED')
      }
      return refused('ERR_JWT_INVALID')
    }
  }
  const identifier = userId ?? email
  if (identifier === undefined) return { verified: false, anonymous: true }
  if (userHash === undefined) return refused('ERR_IDENTITY_MISSING')
  if (!secrets.some((secret) => sameHex(createUserHash(identifier, secret), userHash))) {
    return refused('ERR_USER_HASH_INVALID')
  }
  const name = text(payload.name)
  return {
    verified: true,
    ...(userId !== undefined && { user_id: userId }),
    ...(email !== undefined && { email }),
    ...(name !== undefined && { name }),
  }
}
