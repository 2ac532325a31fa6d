import { decodeClaims } from './identity'

// What a token carries besides user attributes: the identity itself and the registered JWT claims.
const NOT_ATTRIBUTES = 'user_id exp iat nbf iss aud sub jti'.split(' ')

/**
 * The user attributes a JWT signs, as intercom-rails' `signed_user_fields`: its claims other than
 * `user_id` and the registered ones. None for anything that is not a JWT.
 */
export const signedFieldsOf = (jwt: unknown): string[] => {
  try {
    return Object.keys(decodeClaims(jwt as string) ?? {}).filter(
      (key) => !NOT_ATTRIBUTES.includes(key),
    )
  } catch {
    return []
  }
}
