/** A value that survives `JSON.stringify` unchanged, and so can be signed. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue }

/**
 * The signed-in user in Intercom's names. Every attribute besides `user_id` is optional and, in JWT mode,
 * becomes a signed ("protected") attribute. `undefined` attributes are left out.
 */
export interface IntercomUser {
  user_id: string
  email?: string
  name?: string
  [attribute: string]: JsonValue | undefined
}

/** What `verifyIntercomJwt` returns: the user's claims plus the registered time claims that were set. */
export interface IntercomJwtClaims extends IntercomUser {
  /** Issued at, in seconds since the epoch. */
  iat?: number
  /** Expires at, in seconds since the epoch. */
  exp?: number
  /** Not valid before, in seconds since the epoch. */
  nbf?: number
}
