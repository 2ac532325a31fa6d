import { createUserHash } from './createUserHash'
import { identityHandlerFor } from './identityHandlerFor'
import { issueIntercomJwt } from './issueIntercomJwt'

/**
 * Creates the identity endpoint: `GET` answers `200` with the signed identity of the user `getUser` finds
 * in your session, `204 No Content` when there is none, `405` for other methods and a generic `500` when
 * `getUser` fails. Every response has `Cache-Control: no-store`; bodies are JSON. A framework's control
 * flow thrown in `getUser` (Next's `redirect()`, `notFound()`, prerender bail-outs) is rethrown to it.
 * The same on every runtime: node:crypto here, Web Crypto on workerd and edge runtimes.
 *
 * @example
 * // app/api/intercom/identity/route.ts
 * export const GET = createIdentityHandler({
 *   secret: process.env.INTERCOM_IDENTITY_SECRET,
 *   getUser: async () => {
 *     const session = await auth()
 *     return session ? { user_id: session.user.id, email: session.user.email } : null
 *   },
 * })
 */
export const createIdentityHandler = identityHandlerFor({
  issueJwt: issueIntercomJwt,
  userHash: createUserHash,
})
