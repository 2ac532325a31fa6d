import {
  createIdentityHandler,
  createUserHash,
  SignerError,
  signIntercomJwt,
  verifyIntercomJwt,
} from '@verified-messenger/signer'

/** Which build a runtime must get from the package's conditional exports. */
export type Build = 'node:crypto' | 'Web Crypto'

/** One check's outcome, printed by the runner. */
export interface CheckResult {
  name: string
  error?: string
}

const secret = 'runtime-vector-secret-of-32-characters'
const issuedAt = 1767225600 // 2026-01-01T00:00:00Z
const at = (seconds: number) => () => seconds * 1000
const claims = { user_id: 'user-42', email: 'zoe@example.com', name: 'Zoë' }
// HS256 over header.payload with the secret above, cross-checked against a bare HMAC and jose.
const vectorToken =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyX2lkIjoidXNlci00MiIsImVtYWlsIjoiem9lQGV4YW1wbGUuY29tIiwibmFtZSI6Ilpvw6siLCJpYXQiOjE3NjcyMjU2MDAsImV4cCI6MTc2NzIyOTIwMH0._Eb8lLswZdGr1Ir4JkmtaVmYWWxmjT1-E4tGbhOa4FM'
const identityUrl = 'https://app.test/api/intercom/identity'

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message)
}

async function rejectsWith(call: () => unknown, code: string): Promise<void> {
  try {
    await call()
  } catch (error) {
    assert(error instanceof SignerError, `threw ${String(error)}, not a SignerError`)
    assert(error.code === code, `threw ${error.code}, expected ${code}`)
    return
  }
  throw new Error(`did not throw ${code}`)
}

const handler = createIdentityHandler({
  secret,
  now: at(issuedAt),
  getUser: (request) => {
    const session = request.headers.get('cookie')
    if (session === 'session=redirect') {
      throw Object.assign(new Error('NEXT_REDIRECT'), { digest: 'NEXT_REDIRECT;push;/login;307;' })
    }
    if (session === 'session=broken') throw new Error('session store down')
    return session === 'session=zoe' ? claims : null
  },
  onError: () => {},
})
const call = (init: RequestInit = {}, session?: string) =>
  handler(
    new Request(identityUrl, { ...init, headers: session ? { cookie: `session=${session}` } : {} }),
    undefined,
  )

/** The same test vectors and identity endpoint contract, on whatever runtime imports this. */
function contractChecks(build: Build): [string, () => Promise<void>][] {
  return [
    [
      `gets the ${build} build from the conditional exports`,
      async () => {
        const signed = signIntercomJwt(claims, secret)
        const got = typeof signed === 'string' ? 'node:crypto' : 'Web Crypto'
        assert(got === build, `got the ${got} build`)
      },
    ],
    [
      'createUserHash matches the vector (HMAC-SHA256 computed with openssl)',
      async () => {
        const hash = await createUserHash('Message', 'an-intercom-messenger-secret-of-40-chars')
        assert(hash === '04c96ed97509b65dbb4122c2e1a420c84d306d5238b5eaef638b097b1b15b6a4', hash)
      },
    ],
    [
      'signIntercomJwt signs the vector token byte for byte',
      async () => {
        const token = await signIntercomJwt(claims, secret, { now: at(issuedAt) })
        assert(token === vectorToken, token)
      },
    ],
    [
      'verifyIntercomJwt returns the claims of the vector token',
      async () => {
        const verified = await verifyIntercomJwt(
          vectorToken,
          ['old-secret-from-before-the-rotation', secret],
          {
            userId: 'user-42',
            now: at(issuedAt + 60),
          },
        )
        assert(
          verified.name === 'Zoë' && verified.exp === issuedAt + 3600,
          JSON.stringify(verified),
        )
      },
    ],
    [
      'verifyIntercomJwt refuses a tampered, expired, alg none or foreign token',
      async () => {
        const now = at(issuedAt + 60)
        const [header, payload] = vectorToken.split('.')
        const otherUser = btoa(JSON.stringify({ ...claims, user_id: 'admin' })).replace(/=+$/, '')
        await rejectsWith(
          () => verifyIntercomJwt(`${vectorToken.slice(0, -1)}A`, secret, { now }),
          'ERR_JWT_SIGNATURE',
        )
        await rejectsWith(
          () => verifyIntercomJwt(`${header}.${otherUser}.${vectorToken.split('.')[2]}`, secret),
          'ERR_JWT_SIGNATURE',
        )
        await rejectsWith(
          () => verifyIntercomJwt(vectorToken, secret, { now: at(issuedAt + 3606) }),
          'ERR_JWT_EXPIRED',
        )
        await rejectsWith(
          () =>
            verifyIntercomJwt(`${btoa('{"alg":"none"}').replace(/=+$/, '')}.${payload}.`, secret, {
              now,
            }),
          'ERR_JWT_ALG',
        )
        await rejectsWith(
          () => verifyIntercomJwt(vectorToken, 'another-secret-of-32-characters-or-more', { now }),
          'ERR_JWT_SIGNATURE',
        )
      },
    ],
    [
      'refuses a secret too short to be a workspace secret, and an oversized token before any MAC',
      async () => {
        await rejectsWith(() => signIntercomJwt(claims, 'short-secret'), 'ERR_SECRET')
        await rejectsWith(() => createUserHash('user-42', 'short-secret'), 'ERR_SECRET')
        const oversized = `${vectorToken.split('.')[0]}.${'A'.repeat(20_000)}.${vectorToken.split('.')[2]}`
        await rejectsWith(() => verifyIntercomJwt(oversized, secret), 'ERR_JWT_MALFORMED')
      },
    ],
    [
      'identity endpoint: 200 with a token for the session user, uncached',
      async () => {
        const response = await call({}, 'zoe')
        assert(response.status === 200, `status ${response.status}`)
        assert(response.headers.get('cache-control') === 'no-store', 'cacheable')
        const body = (await response.json()) as Record<string, unknown>
        assert(
          body.user_id === 'user-42' && body.expires_at === issuedAt + 3600,
          JSON.stringify(body),
        )
        assert(body.intercom_user_jwt === vectorToken, 'not the vector token')
      },
    ],
    [
      'identity endpoint: 204 No Content, uncached, when nobody is signed in',
      async () => {
        const response = await call()
        assert(response.status === 204, `status ${response.status}`)
        assert(response.headers.get('cache-control') === 'no-store', 'cacheable')
        assert((await response.text()) === '', 'has a body')
      },
    ],
    [
      'identity endpoint: 405 with Allow for POST, HEAD without a body',
      async () => {
        const post = await call({ method: 'POST', body: '{"user_id":"admin"}' }, 'zoe')
        assert(post.status === 405 && post.headers.get('allow') === 'GET, HEAD', `${post.status}`)
        const head = await call({ method: 'HEAD' }, 'zoe')
        assert(head.status === 200 && (await head.text()) === '', `HEAD ${head.status}`)
      },
    ],
    [
      'identity endpoint: a generic 500 when getUser throws, framework control flow rethrown',
      async () => {
        const broken = await call({}, 'broken')
        assert(broken.status === 500, `status ${broken.status}`)
        assert((await broken.text()) === '{"error":"internal_error"}', 'not the generic body')
        let rethrown: unknown
        await call({}, 'redirect').catch((error: unknown) => {
          rethrown = error
        })
        assert((rethrown as { digest?: string })?.digest?.startsWith('NEXT_REDIRECT'), 'swallowed')
      },
    ],
  ]
}

/** Runs every check; never throws, so a runtime's harness can report each one. */
export async function runContractChecks(build: Build): Promise<CheckResult[]> {
  const results: CheckResult[] = []
  for (const [name, check] of contractChecks(build)) {
    try {
      await check()
      results.push({ name })
    } catch (error) {
      results.push({ name, error: error instanceof Error ? error.message : String(error) })
    }
  }
  return results
}
