import { identityIssuerFor } from '../identityHandlerFor'
import { createUserHash } from './createUserHash'
import { issueIntercomJwt } from './issueIntercomJwt'

/**
 * `issueIdentity` with Web Crypto (workerd, edge runtimes): the identity endpoint's body for `user`, or
 * `null` for nobody, to render into the page as the browser's `initialIdentity`.
 *
 * @example
 * const initialIdentity = await issueIdentity(user, { secret: env.INTERCOM_IDENTITY_SECRET })
 */
export const issueIdentity = identityIssuerFor({
  issueJwt: issueIntercomJwt,
  userHash: createUserHash,
})
