/** A handful covers one current secret plus the old ones kept for rotation. */
const MAX_KEYS = 8

const encoder = new TextEncoder()
// Importing a key is most of the cost of one Web Crypto HMAC, so each secret is imported once. The
// promise is what is cached, so concurrent first requests share one import.
const keys = new Map<string, Promise<CryptoKey>>()

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret)
  if (key === undefined) {
    if (keys.size >= MAX_KEYS) keys.clear()
    key = crypto.subtle.importKey(
      'raw',
      encoder.encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    )
    keys.set(secret, key)
  }
  return key
}

/** HMAC-SHA256 of the UTF-8 `message` with Web Crypto, the key imported once per secret. */
export async function hmacSha256(secret: string, message: string): Promise<Uint8Array> {
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(message))
  return new Uint8Array(signature)
}
