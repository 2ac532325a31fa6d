import type { IntercomUser } from '@verified-messenger/signer'

/** How long the identity tokens live: 30 minutes here; the browser renews them before they expire. */
export const IDENTITY_TTL_SECONDS = 30 * 60

/** The cookie this example's stand-in login sets. */
export const SESSION_COOKIE = 'demo_session'

/** The example's users, in Intercom's claim names. */
export const users: Record<string, IntercomUser> = {
  ada: { user_id: 'user-ada', email: 'ada@example.com', name: 'Ada Lovelace', plan: 'pro' },
  grace: { user_id: 'user-grace', email: 'grace@example.com', name: 'Grace Hopper', plan: 'free' },
}

/**
 * Stand-in for your auth library (Auth.js, Clerk, iron-session...). Here the cookie names the user so the
 * example stays small; a real session cookie is opaque and signed, or this would let anyone be anyone.
 */
export function findSessionUser(session: string | undefined): IntercomUser | null {
  return (session !== undefined && Object.hasOwn(users, session) && users[session]) || null
}
