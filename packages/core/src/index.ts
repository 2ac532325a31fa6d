export { createMessenger } from './createMessenger'
export { MessengerError } from './MessengerError'
export { REFRESH_MARGIN } from './scheduleRefresh'
export { toIntercomSettings } from './toIntercomSettings'
export type {
  AuthTokens,
  Avatar,
  BootSettings,
  Company,
  Consent,
  ConsentSource,
  DataAttributes,
  IdentityRequestContext,
  IdentityResponse,
  IdentitySource,
  IntercomSettings,
  Messenger,
  MessengerAttributes,
  MessengerCallbacks,
  MessengerErrorCode,
  MessengerOptions,
  MessengerSnapshot,
  MessengerSpace,
  MessengerStatus,
  Region,
  SnakeCase,
  UpdatePayload,
  UpdateRoute,
  VerifiedIdentity,
} from './types'
