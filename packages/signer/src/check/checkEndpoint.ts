import { type CheckResult, expectNo, fail, pass } from './CheckResult'
import { noStoreProblem, sharedCacheProblem } from './cacheHeaders'
import { checkIdentityProof, type ProofExpectations } from './checkIdentityProof'
import { corsProblem } from './corsProblem'
import { type Answer, describeFetchError, probe } from './probe'

/** What `checkEndpoint` sends and expects. */
export interface EndpointExpectations extends ProofExpectations {
  /** Request headers that carry the session of `userId` (`--cookie`, `--header`). */
  credentials: Record<string, string>
}

/** An id no real session names: finding it in an answer means the endpoint read it from the request. */
const FORGED_ID = 'verified-messenger-check-forged-id'
const FORGED_EMAIL = 'forged@verified-messenger-check.invalid'
/** An origin that is nobody's (`.invalid` is reserved), for the CORS requests. */
const FOREIGN_ORIGIN = 'https://foreign.verified-messenger-check.invalid'
const OTHER_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const
const IDENTITY_KEYS = ['user_id', 'userId', 'intercom_user_jwt', 'user_hash', 'email']
const JWT_SHAPE = /eyJ[\w-]+\.[\w-]+\.[\w-]*/

/**
 * Asks the identity endpoint at `url` what the contract says it must answer: 204/401 and nothing else
 * without a session, a verifiable identity of the session's user with one, whatever the request itself
 * claims, and nothing a shared cache or another origin could keep or read.
 */
export async function checkEndpoint(
  url: string,
  expected: EndpointExpectations,
): Promise<CheckResult[]> {
  const { credentials } = expected
  const forgedUrl = new URL(url)
  for (const key of ['user_id', 'userId', 'user_hash', 'intercom_user_jwt']) {
    forgedUrl.searchParams.set(key, FORGED_ID)
  }
  forgedUrl.searchParams.set('email', FORGED_EMAIL)
  const forgedBody = JSON.stringify({ user_id: FORGED_ID, userId: FORGED_ID, email: FORGED_EMAIL })
  let answers: Answer[]
  try {
    answers = await Promise.all([
      probe(url),
      probe(url, { headers: credentials }),
      probe(forgedUrl.href),
      probe(forgedUrl.href, { headers: credentials }),
      probe(url, { headers: { ...credentials, origin: FOREIGN_ORIGIN } }),
      probe(url, {
        method: 'OPTIONS',
        headers: {
          origin: FOREIGN_ORIGIN,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      }),
      ...OTHER_METHODS.map((method) =>
        probe(url, {
          method,
          headers: { ...credentials, 'content-type': 'application/json' },
          body: forgedBody,
        }),
      ),
    ])
  } catch (error) {
    return [
      fail(
        url,
        'the endpoint answers',
        describeFetchError(error),
        'Check the URL, and that the server runs and is reachable from here.',
      ),
    ]
  }
  const [anonymous, signedIn, forgedAnonymous, forgedSignedIn, foreign, preflight, ...others] =
    answers as [Answer, Answer, Answer, Answer, Answer, Answer, ...Answer[]]
  const signedInBody = signedIn.status === 200 ? signedIn.json : undefined

  return [
    expectNo(
      anonymous.status === 204 || anonymous.status === 401
        ? undefined
        : `answered ${status(anonymous)}`,
      url,
      'answers 204 (or 401) without credentials',
      'Return null from getUser when the request has no session: createIdentityHandler then answers 204.',
    ),
    expectNo(
      namesSomeone(anonymous, expected.userId),
      url,
      'the answer without credentials names nobody',
      'Without a session, answer 204 with no body.',
    ),
    expectNo(
      noStoreProblem(anonymous.headers),
      url,
      'the answer without credentials has Cache-Control: no-store',
      'Send Cache-Control: no-store on every answer (createIdentityHandler does), or a browser or proxy may serve one user the answer meant for the state before.',
    ),
    expectNo(
      signedInProblem(signedIn, expected.userId),
      url,
      `answers 200 with user_id ${expected.userId} to the given credentials`,
      'Check that --cookie or --header carries a live session of --user-id (sessions expire), and that getUser reads it.',
    ),
    expectNo(
      noStoreProblem(signedIn.headers),
      url,
      'the signed-in answer has Cache-Control: no-store',
      'Send Cache-Control: no-store on every answer (createIdentityHandler does): a cached identity outlives the session.',
    ),
    ...(signedInBody ? checkIdentityProof(url, signedInBody, expected) : []),
    expectNo(
      sharedCacheProblem(signedIn.headers) ?? sharedCacheProblem(anonymous.headers),
      url,
      'no shared cache may store its answers',
      "Send Cache-Control: no-store (createIdentityHandler does) and make sure no CDN or proxy rule overrides it for this path: a cached answer hands one user's identity to the next.",
    ),
    expectNo(
      forgedQueryProblem(forgedAnonymous, forgedSignedIn, expected.userId),
      url,
      'a user_id in the query string is ignored',
      'Take the user only from the session in getUser, never from the URL: anyone can write one.',
    ),
    expectNo(
      forgedBodyProblem(others),
      url,
      'a user_id in the request body is ignored',
      'Take the user only from the session in getUser, never from the request body.',
    ),
    methodsResult(url, others),
    expectNo(
      corsProblem(
        [
          ['anonymous', anonymous],
          ['signed-in', signedIn],
          ['cross-origin', foreign],
          ['preflight (OPTIONS)', preflight],
        ],
        FOREIGN_ORIGIN,
      ),
      url,
      'no CORS for other origins (no Access-Control-Allow-Origin: *, no credentials for a foreign origin)',
      'Remove CORS from this path: the Messenger fetches it from your own origin. If another origin of yours needs it, allow that exact origin only.',
    ),
  ]
}

/** The status, with where a redirect leads: usually a sign-in page, or the URL with a slash or https. */
function status(answer: Answer): string {
  const location = answer.headers.get('location')
  return location === null ? String(answer.status) : `${answer.status}, a redirect to ${location}`
}

/** Why an answer without credentials names someone, or `undefined`. */
function namesSomeone(answer: Answer, userId: string): string | undefined {
  const keys = IDENTITY_KEYS.filter((key) => answer.json !== undefined && key in answer.json)
  if (keys.length > 0) return `the body has ${keys.join(', ')}`
  if (JWT_SHAPE.test(answer.text)) return 'the body holds a JWT'
  if (
    answer.json === undefined ? holdsWord(answer.text, userId) : holdsValue(answer.json, userId)
  ) {
    return `the body holds ${userId}`
  }
  return undefined
}

// A short id such as 1 is in many texts ("401"): only a whole word, or a whole JSON value, counts.
function holdsWord(text: string, word: string): boolean {
  return new RegExp(`(^|\\W)${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|\\W)`).test(text)
}

function holdsValue(value: unknown, id: string): boolean {
  if (typeof value === 'string' || typeof value === 'number') return String(value) === id
  if (typeof value !== 'object' || value === null) return false
  return Object.values(value).some((inner) => holdsValue(inner, id))
}

function signedInProblem(answer: Answer, userId: string): string | undefined {
  if (answer.status === 204 || answer.status === 401) {
    return `answered ${answer.status}, as if nobody were signed in`
  }
  if (answer.status !== 200) return `answered ${status(answer)}`
  if (answer.json === undefined) return 'the body is not a JSON object'
  if (answer.json.user_id !== userId) {
    return `user_id is ${JSON.stringify(answer.json.user_id)}`
  }
  return undefined
}

function forgedQueryProblem(
  anonymous: Answer,
  signedIn: Answer,
  userId: string,
): string | undefined {
  if (namesForged(anonymous)) {
    return 'without credentials, it answered with the user_id or email of the query'
  }
  if (anonymous.status !== 204 && anonymous.status !== 401) {
    return `without credentials, it answered ${anonymous.status} to ?user_id=...`
  }
  if (namesForged(signedIn)) {
    return 'with credentials, it answered with the user_id or email of the query'
  }
  if (signedIn.status !== 200 || signedIn.json?.user_id !== userId) {
    return `with credentials and ?user_id=..., it answered ${signedIn.status} without user_id ${userId}`
  }
  return undefined
}

function forgedBodyProblem(answers: Answer[]): string | undefined {
  const index = answers.findIndex(namesForged)
  return index === -1
    ? undefined
    : `the answer to ${OTHER_METHODS[index]} names the user_id or email of its body`
}

/** Whether the answer repeats an id or email that only the request named. */
function namesForged(answer: Answer): boolean {
  return answer.text.includes(FORGED_ID) || answer.text.includes(FORGED_EMAIL)
}

function methodsResult(url: string, answers: Answer[]): CheckResult {
  const name = `${OTHER_METHODS.join(', ')} answer 405 Method Not Allowed`
  const wrong = answers.flatMap((answer, index) =>
    answer.status === 405 ? [] : [`${OTHER_METHODS[index]} ${answer.status}`],
  )
  if (wrong.length > 0) {
    return fail(
      url,
      name,
      `answered ${wrong.join(', ')}`,
      'Answer GET and HEAD only, and 405 with Allow: GET, HEAD to the rest: createIdentityHandler does when it gets every method (in Express, mount it with app.all).',
    )
  }
  const withoutAllow = answers.flatMap((answer, index) =>
    answer.headers.has('allow') ? [] : [OTHER_METHODS[index]],
  )
  return withoutAllow.length === 0
    ? pass(url, `${name} with Allow`)
    : pass(
        url,
        name,
        `no Allow header on ${withoutAllow.join(', ')}: harmless, though RFC 9110 asks for one (Next.js omits it for methods a route does not export)`,
      )
}
