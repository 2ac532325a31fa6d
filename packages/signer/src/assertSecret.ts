import { SignerError } from './SignerError'

/**
 * Shortest secret accepted: HS256 wants a key of at least 32 bytes (RFC 7518, section 3.2), and the secrets
 * Intercom generates are longer, so anything shorter is a placeholder or a typo, not the workspace's secret.
 */
const MIN_SECRET_LENGTH = 32

/** Checks a Messenger secret without ever putting it in the message. */
export function assertSecret(secret: unknown, label = 'secret'): asserts secret is string {
  if (typeof secret !== 'string') {
    throw new SignerError(
      'ERR_SECRET',
      `${label} must be a string, got ${describeType(secret)}. Pass your workspace's Messenger secret, e.g. process.env.INTERCOM_IDENTITY_SECRET.`,
    )
  }
  if (secret.length === 0) {
    throw new SignerError(
      'ERR_SECRET',
      `${label} is empty. Set INTERCOM_IDENTITY_SECRET on the server to the secret from your Intercom workspace's Messenger security settings.`,
    )
  }
  // A newline pasted into an env file signs with a different key and fails at Intercom with no clue why.
  if (/^\s|\s$/.test(secret)) {
    throw new SignerError(
      'ERR_SECRET',
      `${label} starts or ends with whitespace. Trim it where you load it (a trailing newline in an env or secret file is the usual cause).`,
    )
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new SignerError(
      'ERR_SECRET',
      `${label} is shorter than ${MIN_SECRET_LENGTH} characters, so it is not your workspace's Messenger secret. Copy the secret from Intercom (Settings > Workspace > Security > Messenger) into INTERCOM_IDENTITY_SECRET on the server.`,
    )
  }
}

/** `typeof`, but tells `null` and arrays apart, for messages that must not echo the value itself. */
export function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value
}
