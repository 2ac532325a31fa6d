import { createSecretKey, type KeyObject } from 'node:crypto'

/** A handful covers one current secret plus the old ones kept for rotation. */
const MAX_KEYS = 8

// A KeyObject skips re-encoding the secret and re-importing it into OpenSSL on every HMAC, which is about
// a tenth of the cost of signing a token. It holds nothing the process does not already hold in its env.
const keys = new Map<string, KeyObject>()

/** The HMAC key for `secret`, imported once. */
export function hmacKey(secret: string): KeyObject {
  let key = keys.get(secret)
  if (key === undefined) {
    if (keys.size >= MAX_KEYS) keys.clear()
    key = createSecretKey(Buffer.from(secret, 'utf8'))
    keys.set(secret, key)
  }
  return key
}
