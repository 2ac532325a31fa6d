import { identityHandlerFor } from '../identityHandlerFor'
import { createUserHash } from './createUserHash'
import { issueIntercomJwt } from './issueIntercomJwt'

/**
 * Creates the identity endpoint with Web Crypto, for workerd (Cloudflare Workers) and edge runtimes
 * (Vercel, Next.js `runtime = 'edge'`, middleware): the same contract and options as on Node. `GET`
 * answers `200` with the signed identity of the user `getUser` finds, `204` when there is none, `405`
 * for other methods and a generic `500` when `getUser` fails.
 *
 * @example
 * export default {
 *   fetch: createIdentityHandler({ secret: env.INTERCOM_IDENTITY_SECRET, getUser: (request) => userFrom(request) }),
 * }
 */
export const createIdentityHandler = identityHandlerFor({
  issueJwt: issueIntercomJwt,
  userHash: createUserHash,
})
