import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'

/** Where the tests' providers fetch the signed identity from. */
export const IDENTITY_URL = 'https://app.test/api/intercom-identity'

const base64url = (value: object) =>
  btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

// Fixed per run, so a token made in an assertion equals the one the endpoint sent.
const EXPIRES_AT = Math.floor(Date.now() / 1000) + 3600

/** A JWT-shaped token for `userId`, valid for an hour; nothing in the browser can check its signature. */
export const tokenFor = (userId: string) =>
  `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ user_id: userId, exp: EXPIRES_AT })}.signature`

/**
 * The app's identity endpoint: answers as whoever `signedIn.user` was when the request arrived (401 when
 * `null`), once `signedIn.held` (if set) has settled, and counts the requests it gets.
 */
export const signedIn: { user: string | null; held?: Promise<void>; requests: number } = {
  user: '123',
  requests: 0,
}

const server = setupServer(
  http.get(IDENTITY_URL, async () => {
    signedIn.requests++
    const user = signedIn.user
    await signedIn.held
    if (user === null) return new HttpResponse(null, { status: 401 })
    return HttpResponse.json(
      { user_id: user, intercom_user_jwt: tokenFor(user), expires_at: EXPIRES_AT },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  }),
)

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => {
  signedIn.user = '123'
  signedIn.held = undefined
  signedIn.requests = 0
})
afterAll(() => server.close())
