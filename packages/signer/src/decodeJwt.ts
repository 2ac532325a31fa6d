import { decodeBase64url } from './base64url'
import { SignerError } from './SignerError'

/**
 * Longest token accepted, in characters: far more than any Intercom identity needs, and little enough that
 * a huge token is refused before anything is decoded or MACed.
 */
const MAX_TOKEN_LENGTH = 16_384

/** The three segments of a compact JWS. */
export interface JwtSegments {
  header: string
  payload: string
  /** `header.payload`, the bytes the signature covers. */
  signingInput: string
  signature: string
}

/**
 * Splits a compact JWT into its three segments without decoding them. An empty signature passes here so
 * that an `alg: none` token is reported as such by the header check.
 */
export function splitJwt(token: unknown): JwtSegments {
  if (typeof token !== 'string') {
    throw malformed(`the token must be a string, got ${token === null ? 'null' : typeof token}.`)
  }
  if (token.length > MAX_TOKEN_LENGTH) {
    throw malformed(
      `the token is ${token.length} characters long; the limit is ${MAX_TOKEN_LENGTH}. An identity token signs the user's id and a few attributes, not whole records.`,
    )
  }
  const first = token.indexOf('.')
  const second = token.indexOf('.', first + 1)
  if (first <= 0 || second <= first + 1 || token.includes('.', second + 1)) {
    throw malformed(
      'the token is not three base64url segments joined by dots (header.payload.signature).',
    )
  }
  return {
    header: token.slice(0, first),
    payload: token.slice(first + 1, second),
    signingInput: token.slice(0, second),
    signature: token.slice(second + 1),
  }
}

/**
 * Decodes a base64url JSON object segment; anything else is `ERR_JWT_MALFORMED`. `decode` lets the Node
 * build pass its faster Buffer decoder.
 */
export function parseJsonSegment(
  segment: string,
  name: 'header' | 'payload',
  decode: (segment: string) => string = decodeBase64url,
): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(decode(segment))
  } catch {
    throw malformed(`the token ${name} is not base64url-encoded JSON.`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw malformed(`the token ${name} is not a JSON object.`)
  }
  return value as Record<string, unknown>
}

// Stryker disable all: used only by the CLI's decode command, whose tests (cli.test.ts) run it in a child
// process where no mutant is switched on; its two steps are the ones verification uses and tests above.
/** Reads a token's header and claims without checking anything: for debugging only, never for trust. */
export function decodeJwt(token: unknown): {
  header: Record<string, unknown>
  payload: Record<string, unknown>
} {
  const segments = splitJwt(token)
  return {
    header: parseJsonSegment(segments.header, 'header'),
    payload: parseJsonSegment(segments.payload, 'payload'),
  }
}
// Stryker restore all

function malformed(message: string): SignerError {
  return new SignerError(
    'ERR_JWT_MALFORMED',
    `${message} Pass the intercom_user_jwt string exactly as it was issued.`,
  )
}
