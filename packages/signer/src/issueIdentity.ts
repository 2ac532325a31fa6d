import { createUserHash } from './createUserHash'
import { identityIssuerFor } from './identityHandlerFor'
import { issueIntercomJwt } from './issueIntercomJwt'

/**
 * Signs the identity endpoint's body for `user` (`null` for nobody signed in) while your server renders
 * the page, so the browser's first boot needs no identity request: pass it to `IntercomProvider`'s (or
 * `createMessenger`'s) `initialIdentity`. Same options and checks as `createIdentityHandler`; the
 * endpoint is still what renews the token.
 *
 * @example
 * // A Server Component
 * const initialIdentity = await issueIdentity(await currentUser(), {
 *   secret: process.env.INTERCOM_IDENTITY_SECRET,
 * })
 * return <SupportChat initialIdentity={initialIdentity} />
 */
export const issueIdentity = identityIssuerFor({
  issueJwt: issueIntercomJwt,
  userHash: createUserHash,
})
