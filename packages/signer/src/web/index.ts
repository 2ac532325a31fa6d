// The Web Crypto build: what workerd, edge runtimes and web workers get from `@verified-messenger/signer`
// through its conditional exports. Same names as the Node build; the signing functions return Promises.
export type { VerifyOptions } from '../beginVerification'
export type {
  IdentityBody,
  IdentityHandler,
  IdentityHandlerOptions,
  IssueIdentityOptions,
} from '../identityHandlerFor'
export type { SignOptions } from '../prepareJwtPayload'
export type { SignerErrorCode } from '../SignerError'
export { SignerError } from '../SignerError'
export type { NodeHandler, NodeHandlerContext } from '../toNodeHandler'
export { toNodeHandler } from '../toNodeHandler'
export type { IntercomJwtClaims, IntercomUser, JsonValue } from '../types'
export { createIdentityHandler } from './createIdentityHandler'
export { createUserHash } from './createUserHash'
export { issueIdentity } from './issueIdentity'
export { signIntercomJwt } from './signIntercomJwt'
export { verifyIntercomJwt } from './verifyIntercomJwt'
