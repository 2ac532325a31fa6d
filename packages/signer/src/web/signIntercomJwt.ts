import type { SignOptions } from '../prepareJwtPayload'
import type { IntercomUser } from '../types'
import { issueIntercomJwt } from './issueIntercomJwt'

/**
 * Signs an `intercom_user_jwt` (HS256) with Intercom's claim names plus `iat` and `exp`, with Web Crypto:
 * the form workerd and edge runtimes get from `@verified-messenger/signer`, so it returns a Promise.
 *
 * @example
 * const token = await signIntercomJwt({ user_id: user.id, email: user.email }, env.INTERCOM_IDENTITY_SECRET)
 */
export async function signIntercomJwt(
  claims: IntercomUser,
  secret: string,
  options?: SignOptions,
): Promise<string> {
  return (await issueIntercomJwt(claims, secret, options)).token
}
