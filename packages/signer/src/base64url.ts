// Portable base64url for runtimes without Buffer (workerd, the edge runtime). The Node build keeps
// Buffer's native codec on its hot paths; these are used where Buffer may not exist.

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** base64url (no padding) of `bytes`, or of the UTF-8 encoding of a string. */
export function encodeBase64url(input: Uint8Array | string): string {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input
  let binary = ''
  // Chunks keep String.fromCharCode below the engine's argument limit.
  for (let index = 0; index < bytes.length; index += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(index, index + 0x8000))
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** The UTF-8 text of a base64url string; throws on characters outside the alphabet. */
export function decodeBase64url(segment: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) throw new TypeError('not base64url')
  const binary = atob(segment.replace(/-/g, '+').replace(/_/g, '/'))
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  return decoder.decode(bytes)
}
