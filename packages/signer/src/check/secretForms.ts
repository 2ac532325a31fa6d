/** One way the secret can be written into a file, as the bytes to look for. */
export interface SecretForm {
  /** How it is written: `as is`, `hex`, `base64`, `base64url`. */
  name: string
  bytes: Buffer
}

/**
 * The secret as is, in hex (both cases), and in base64 and base64url. A base64 text spells the same
 * bytes differently depending on where they start (the byte offset modulo 3), so each encoding gives
 * three forms: the characters that come from the secret's bytes alone, at each alignment.
 */
export function secretForms(secret: string): SecretForm[] {
  const raw = Buffer.from(secret, 'utf8')
  const hex = raw.toString('hex')
  const forms: SecretForm[] = [
    { name: 'as is', bytes: raw },
    { name: 'hex', bytes: Buffer.from(hex) },
    { name: 'hex', bytes: Buffer.from(hex.toUpperCase()) },
  ]
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), raw]).toString('base64')
    // Character i holds bits 6i to 6i+6; keep those entirely inside the secret's bits.
    const base64 = encoded.slice(
      Math.ceil((8 * shift) / 6),
      Math.floor((8 * (shift + raw.length)) / 6),
    )
    forms.push({ name: 'base64', bytes: Buffer.from(base64) })
    const base64url = base64.replaceAll('+', '-').replaceAll('/', '_')
    if (base64url !== base64) forms.push({ name: 'base64url', bytes: Buffer.from(base64url) })
  }
  return forms
}
