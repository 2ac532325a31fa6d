import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

const cookieName = 'demo_session'

/** Server-side sessions keyed by a random id that only ever travels in an HttpOnly cookie. */
export interface SessionStore {
  /** The user id of the session named in a `Cookie` header, or `undefined` when signed out. */
  userIdOf(cookieHeader: string | null | undefined): string | undefined
  /** Starts a fresh session (a new id, so a fixated cookie is useless) and sets its cookie. */
  signIn(response: ServerResponse, userId: string): void
  /** Forgets the request's session and expires its cookie. */
  signOut(request: IncomingMessage, response: ServerResponse): void
}

/** Creates an in-memory session store; sessions end with the process. */
export function createSessionStore(): SessionStore {
  const sessions = new Map<string, string>()

  return {
    userIdOf(cookieHeader) {
      const id = readCookie(cookieHeader, cookieName)
      return id === undefined ? undefined : sessions.get(id)
    },
    signIn(response, userId) {
      const id = randomBytes(32).toString('base64url')
      sessions.set(id, userId)
      // Lax keeps the cookie off cross-site POSTs; HttpOnly keeps it away from page scripts.
      response.appendHeader('Set-Cookie', `${cookieName}=${id}; Path=/; HttpOnly; SameSite=Lax`)
    },
    signOut(request, response) {
      const id = readCookie(request.headers.cookie, cookieName)
      if (id !== undefined) sessions.delete(id)
      response.appendHeader(
        'Set-Cookie',
        `${cookieName}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`,
      )
    },
  }
}

function readCookie(header: string | null | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const [key, ...value] = pair.trim().split('=')
    if (key === name) return value.join('=')
  }
  return undefined
}
