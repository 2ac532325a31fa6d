import { describeType } from './assertSecret'
import { SignerError } from './SignerError'

/** Checks that options, when given, are an object: `sign(claims, secret, 3600)` is an easy slip. */
export function assertOptionsObject(options: unknown, example: string): void {
  if (options === undefined) return
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new SignerError(
      'ERR_OPTIONS',
      `options must be an object like ${example}, got ${describeType(options)}.`,
    )
  }
}

/** Returns the clock to use: `now` when given (milliseconds since the epoch, like `Date.now`). */
export function resolveNow(now: unknown): () => number {
  if (now === undefined) return Date.now
  if (typeof now !== 'function') {
    throw new SignerError(
      'ERR_OPTIONS',
      `options.now must be a function returning milliseconds since the epoch (like Date.now), got ${describeType(now)}.`,
    )
  }
  return now as () => number
}

/** Checks a token lifetime: whole seconds above zero, or `false` for a token that never expires. */
export function assertExpiresIn(
  expiresIn: unknown,
  allowNever: boolean,
): asserts expiresIn is number | false {
  if (expiresIn === false && allowNever) return
  // Number.isInteger is false for anything that is not a number, so no typeof check is needed.
  if (!Number.isInteger(expiresIn) || (expiresIn as number) <= 0) {
    const never = allowNever ? ', or false for no expiry' : ''
    throw new SignerError(
      'ERR_OPTIONS',
      `options.expiresIn must be a whole number of seconds above 0 (3600 is one hour)${never}.`,
    )
  }
}

/** Checks a clock tolerance: seconds, zero or more. */
export function assertClockTolerance(value: unknown): asserts value is number {
  // NaN fails both comparisons, so it is refused with the rest.
  if (typeof value !== 'number' || !(value >= 0 && value < Number.POSITIVE_INFINITY)) {
    throw new SignerError(
      'ERR_OPTIONS',
      'options.clockTolerance must be a number of seconds, 0 or more (the default is 5).',
    )
  }
}
