import { createUserHash } from '../createUserHash'
import { decodeJwt } from '../decodeJwt'
import { SignerError } from '../SignerError'
import { verifyIntercomJwt } from '../verifyIntercomJwt'
import { type CheckResult, expectNo, fail, pass } from './CheckResult'

/** What the signed-in answer is checked against. */
export interface ProofExpectations {
  secret: string
  /** The user whose credentials were sent (`--user-id`). */
  userId: string
  /** The longest lifetime a token may have left, in seconds (`--max-age`). */
  maxAge: number
  /** The clock, in milliseconds since the epoch. */
  now: number
}

// Clocks of two machines differ a little; the signer's own verification allows as much.
const CLOCK_SKEW_SECONDS = 5

// Claims that say when, not who: not user attributes.
const REGISTERED = new Set(['iat', 'exp', 'nbf', 'iss', 'aud', 'sub', 'jti'])

/**
 * Checks the proof in a signed-in answer: the `intercom_user_jwt` (signature, algorithm, user, expiry and
 * the attributes it protects) or the legacy `user_hash`.
 */
export function checkIdentityProof(
  subject: string,
  body: Record<string, unknown>,
  expected: ProofExpectations,
): CheckResult[] {
  if (typeof body.intercom_user_jwt === 'string') {
    return checkJwt(subject, body.intercom_user_jwt, body, expected)
  }
  if (typeof body.user_hash === 'string') {
    const matches = body.user_hash === createUserHash(expected.userId, expected.secret)
    return [
      expectNo(
        matches ? undefined : 'user_hash is not the HMAC-SHA256 of user_id with the secret',
        subject,
        `user_hash is the HMAC-SHA256 of ${expected.userId} with the secret`,
        'Sign with the same secret as INTERCOM_IDENTITY_SECRET here (the Messenger secret of your Intercom workspace), and hash the user_id you send.',
      ),
    ]
  }
  return [
    fail(
      subject,
      'the signed-in answer carries intercom_user_jwt or user_hash',
      `the body has ${Object.keys(body).join(', ') || 'no fields'}`,
      'Answer with createIdentityHandler, or send {"user_id","intercom_user_jwt","expires_at"} yourself.',
    ),
  ]
}

function checkJwt(
  subject: string,
  token: string,
  body: Record<string, unknown>,
  expected: ProofExpectations,
): CheckResult[] {
  let decoded: ReturnType<typeof decodeJwt>
  try {
    decoded = decodeJwt(token)
  } catch (error) {
    return [
      fail(
        subject,
        'intercom_user_jwt is a JWT',
        error instanceof SignerError ? error.code : 'it cannot be decoded',
        'Send the token exactly as signIntercomJwt or createIdentityHandler issued it.',
      ),
    ]
  }
  const { header, payload } = decoded
  const now = Math.floor(expected.now / 1000)
  const exp = typeof payload.exp === 'number' ? payload.exp : undefined
  return [
    expectNo(
      header.alg === 'HS256' ? undefined : `alg is ${JSON.stringify(header.alg)}`,
      subject,
      'the token is signed with HS256',
      'Intercom checks HS256 only: sign with signIntercomJwt or createIdentityHandler.',
    ),
    expectNo(
      verificationProblem(token, expected.secret, now),
      subject,
      'the token verifies with the secret',
      'Sign with the Messenger secret of the Intercom workspace this app boots, the same value as INTERCOM_IDENTITY_SECRET here.',
    ),
    expectNo(
      payload.user_id === expected.userId
        ? undefined
        : `the token signs user_id ${JSON.stringify(payload.user_id)}`,
      subject,
      `the token signs user_id ${expected.userId}`,
      'Sign the user_id of the session the request carries, and nothing the request itself names.',
    ),
    expectNo(
      exp === undefined
        ? 'no exp claim: the token never expires'
        : exp - now > expected.maxAge + CLOCK_SKEW_SECONDS
          ? `it expires in ${exp - now} s`
          : undefined,
      subject,
      `the token has exp, at most ${expected.maxAge} s ahead (--max-age)`,
      'Sign with an expiry: createIdentityHandler does (expiresIn, default 3600 s; Intercom recommends 1-2 h).',
    ),
    expectNo(
      exp !== undefined && body.expires_at !== exp
        ? `expires_at is ${JSON.stringify(body.expires_at)}, exp is ${exp}`
        : exp === undefined
          ? 'no exp to compare with'
          : undefined,
      subject,
      "expires_at equals the token's exp",
      'Send expires_at = the exp you signed: the browser schedules its renewal from it.',
    ),
    expectNo(
      typeof payload.iat === 'number' && payload.iat > now + CLOCK_SKEW_SECONDS
        ? `iat is ${payload.iat - now} s in the future`
        : undefined,
      subject,
      'the token was not issued in the future (iat)',
      "Fix the server's clock (NTP), or sign without a custom iat.",
    ),
    pass(subject, 'the token lists what it signs', signedClaims(payload)),
  ]
}

/** Why the signature or expiry does not verify, or `undefined`. */
function verificationProblem(token: string, secret: string, now: number): string | undefined {
  try {
    verifyIntercomJwt(token, secret, { now: () => now * 1000 })
    return undefined
  } catch (error) {
    if (error instanceof SignerError) {
      return `${error.code}: ${error.message.replace('[verified-messenger/signer] ', '')}`
    }
    throw error
  }
}

function signedClaims(payload: Record<string, unknown>): string {
  const attributes = Object.keys(payload).filter((claim) => !REGISTERED.has(claim))
  const registered = Object.keys(payload).filter((claim) => REGISTERED.has(claim))
  return `signed (protected): ${attributes.join(', ')}; registered: ${registered.join(', ') || 'none'}. Attributes you pass to boot() or update() outside the token are not protected.`
}
