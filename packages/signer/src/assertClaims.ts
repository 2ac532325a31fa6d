import { describeType } from './assertSecret'
import { assertUserId } from './assertUserId'
import { SignerError } from './SignerError'
import type { IntercomUser } from './types'

/** Claims the signer sets from its options; accepting them from callers would let the two disagree. */
const TIME_CLAIMS = new Set(['iat', 'exp', 'nbf'])

/** Deep enough for any real attribute, shallow enough to stop a cyclic object quickly. */
const MAX_DEPTH = 8

/** Checks that `claims` is a plain object of JSON values with a usable `user_id`. */
export function assertClaims(claims: unknown): asserts claims is IntercomUser {
  if (!isPlainObject(claims)) {
    throw new SignerError(
      'ERR_CLAIMS',
      `claims must be a plain object like { user_id: '123', email: 'a@b.co' }, got ${describeType(claims)}.`,
    )
  }
  assertUserId(claims.user_id, 'claims.user_id')
  for (const key of Object.keys(claims)) {
    const value = claims[key]
    if (TIME_CLAIMS.has(key)) {
      throw new SignerError(
        'ERR_CLAIMS',
        `claims.${key} is set by the signer. Remove it and use the expiresIn option (seconds) or the now option instead.`,
      )
    }
    if ((key === 'email' || key === 'name') && value !== undefined && typeof value !== 'string') {
      throw new SignerError(
        'ERR_CLAIMS',
        `claims.${key} must be a string, got ${describeType(value)}.`,
      )
    }
    if (value !== undefined) assertJsonValue(value, `claims.${key}`, 0)
  }
}

function assertJsonValue(value: unknown, path: string, depth: number): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return
    case 'number':
      if (Number.isFinite(value)) return
      throw notSerialisable(path, `${value}`, 'Use a finite number or null.')
    case 'bigint':
      throw notSerialisable(path, 'a bigint', 'Convert it to a string or a number.')
    case 'object': {
      if (value === null) return
      if (depth >= MAX_DEPTH) {
        throw notSerialisable(
          path,
          `nested deeper than ${MAX_DEPTH} levels (or cyclic)`,
          'Flatten it.',
        )
      }
      if (value instanceof Date) {
        throw notSerialisable(
          path,
          'a Date',
          'Intercom expects dates as unix timestamps: Math.floor(date.getTime() / 1000).',
        )
      }
      if (Array.isArray(value)) {
        value.forEach((item, index) => {
          if (item === undefined)
            throw notSerialisable(`${path}[${index}]`, 'undefined', 'Use null.')
          assertJsonValue(item, `${path}[${index}]`, depth + 1)
        })
        return
      }
      if (!isPlainObject(value)) {
        throw notSerialisable(
          path,
          'a class instance',
          'Copy the fields you need into a plain object.',
        )
      }
      for (const key of Object.keys(value)) {
        const item = value[key]
        if (item !== undefined) assertJsonValue(item, `${path}.${key}`, depth + 1)
      }
      return
    }
    default:
      throw notSerialisable(path, `a ${typeof value}`, 'Only JSON values can be signed.')
  }
}

function notSerialisable(path: string, what: string, fix: string): SignerError {
  return new SignerError('ERR_CLAIMS', `${path} is ${what}, which cannot be signed. ${fix}`)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}
