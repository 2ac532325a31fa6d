import { decodeClaims } from './identity'

// What a token carries besides user attributes: the identity itself and the registered JWT claims.
const NOT_ATTRIBUTES = 'user_id exp iat nbf iss aud sub jti'.split(' ')

/**
 * Deletes from `settings` the user attributes that `jwt` signs (as intercom-rails' `signed_user_fields`:
 * its claims other than `user_id` and the registered ones) and returns the names of those it held.
 * Nothing is signed without a JWT.
 */
export const omitSignedFields = (settings: Record<string, unknown>, jwt: unknown): string[] => {
  let claims: object = {}
  try {
    claims = decodeClaims(jwt as string)
  } catch {}
  return Object.keys(claims ?? {}).filter(
    (key) => !NOT_ATTRIBUTES.includes(key) && key in settings && delete settings[key],
  )
}
