import { describeType } from './assertSecret'
import { SignerError } from './SignerError'

/** Longest id accepted; longer ones are almost always a token or a whole object passed by mistake. */
export const MAX_USER_ID_LENGTH = 255

/** Checks an id (or, for `createUserHash`, an email) before it is signed. */
export function assertUserId(value: unknown, label: string): asserts value is string {
  if (typeof value !== 'string') {
    const hint = typeof value === 'number' ? ` Convert it with String(${label}).` : ''
    throw new SignerError(
      'ERR_USER_ID',
      `${label} must be a string, got ${describeType(value)}.${hint}`,
    )
  }
  if (value.length === 0) {
    throw new SignerError(
      'ERR_USER_ID',
      `${label} is empty. Pass the signed-in user's id from your session.`,
    )
  }
  if (value.length > MAX_USER_ID_LENGTH) {
    throw new SignerError(
      'ERR_USER_ID',
      `${label} is ${value.length} characters long; the limit is ${MAX_USER_ID_LENGTH}. Pass the user's id, not a token or an object.`,
    )
  }
}
