export type { VerifyOptions } from './beginVerification'
export { createIdentityHandler } from './createIdentityHandler'
export { createUserHash } from './createUserHash'
export type {
  IdentityBody,
  IdentityHandler,
  IdentityHandlerOptions,
  IssueIdentityOptions,
} from './identityHandlerFor'
export { issueIdentity } from './issueIdentity'
export type { SignOptions } from './prepareJwtPayload'
export type { SignerErrorCode } from './SignerError'
export { SignerError } from './SignerError'
export { signIntercomJwt } from './signIntercomJwt'
export type { NodeHandler, NodeHandlerContext } from './toNodeHandler'
export { toNodeHandler } from './toNodeHandler'
export type { IntercomJwtClaims, IntercomUser, JsonValue } from './types'
export { verifyIntercomJwt } from './verifyIntercomJwt'
