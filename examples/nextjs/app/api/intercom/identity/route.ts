import { createIdentityHandler } from '@verified-messenger/signer'
import { cookies } from 'next/headers'
import { findSessionUser, IDENTITY_TTL_SECONDS, SESSION_COOKIE } from '../../../session'

/**
 * The identity endpoint the browser's IntercomProvider fetches. The user comes from the session cookie
 * only; nothing in the request can name another user. The secret never leaves the server.
 */
export const GET = createIdentityHandler({
  secret: process.env.INTERCOM_IDENTITY_SECRET,
  getUser: async () => findSessionUser((await cookies()).get(SESSION_COOKIE)?.value),
  expiresIn: IDENTITY_TTL_SECONDS,
})
