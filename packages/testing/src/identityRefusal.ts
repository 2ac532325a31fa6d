/**
 * Why a boot was refused. Stable, so tests can branch on it:
 * `ERR_IDENTITY_MISSING` (a user without `intercom_user_jwt` or `user_hash`), `ERR_JWT_IN_USER_HASH`,
 * `ERR_JWT_INVALID` (bad signature, algorithm or format), `ERR_JWT_EXPIRED`, `ERR_USER_ID_MISMATCH`
 * (a token signed for someone else), `ERR_USER_HASH_INVALID`, `ERR_PING_FAILED` (the check could not be made).
 */
export type RefusalCode =
  | 'ERR_IDENTITY_MISSING'
  | 'ERR_JWT_IN_USER_HASH'
  | 'ERR_JWT_INVALID'
  | 'ERR_JWT_EXPIRED'
  | 'ERR_USER_ID_MISMATCH'
  | 'ERR_USER_HASH_INVALID'
  | 'ERR_PING_FAILED'

// The widget logs "Intercom Messenger error: Missing user_hash. ..." when enforcement is on and no hash
// came, and its API answers "Failed Identity Verification check" (code hmac_mismatch) for a bad one.
const missing =
  'Intercom Messenger error: Missing user_hash. A valid user_hash is required to authenticate users when Identity Verification is enabled.'
const failed = 'Intercom Messenger error: Failed Identity Verification check (hmac_mismatch).'

const details: Record<Exclude<RefusalCode, 'ERR_IDENTITY_MISSING' | 'ERR_PING_FAILED'>, string> = {
  ERR_JWT_IN_USER_HASH: 'The user_hash is a JWT: pass the token as intercom_user_jwt instead.',
  ERR_JWT_INVALID: 'The intercom_user_jwt is not an HS256 token signed with the Messenger secret.',
  ERR_JWT_EXPIRED: 'The intercom_user_jwt has expired.',
  ERR_USER_ID_MISMATCH: 'The intercom_user_jwt was signed for another user_id.',
  ERR_USER_HASH_INVALID: 'The user_hash does not match the user_id (or email).',
}

/** Intercom's console text for a refused identity; the fake's server answers it and its browser side logs it. */
export function identityRefusalMessage(code: Exclude<RefusalCode, 'ERR_PING_FAILED'>): string {
  return code === 'ERR_IDENTITY_MISSING' ? missing : `${failed} ${details[code]}`
}
