import { decodeClaims } from './identity'

// What a token carries besides user attributes: the identity itself and the registered JWT claims.
const NOT_ATTRIBUTES = ['user_id', 'exp', 'iat', 'nbf', 'iss', 'aud', 'sub', 'jti']

/**
 * The user attributes an identity JWT signs (as intercom-rails' `signed_user_fields`): its claims other
 * than `user_id` and the registered ones, named as Intercom names them. None for anything but a JWT.
 */
export const signedFields = (jwt: unknown): string[] => {
  try {
    return Object.keys(decodeClaims(jwt as string)).filter((key) => !NOT_ATTRIBUTES.includes(key))
  } catch {
    return []
  }
}

/** Deletes `fields` from `settings` and returns those it held. */
export const omitFields = (settings: Record<string, unknown>, fields: string[]): string[] =>
  fields.filter((field) => field in settings && delete settings[field])
