export { createMessenger } from './createMessenger'
export { MessengerError } from './MessengerError'
export { INITIAL_IDENTITY_MAX_AGE } from './renderedIdentity'
export { REFRESH_MARGIN } from './scheduleRefresh'
export { toIntercomSettings } from './toIntercomSettings'
export type {
  AuthTokens,
  Avatar,
  BootSettings,
  CallInterceptor,
  Company,
  Consent,
  ConsentSource,
  DataAttributes,
  IdentityRequestContext,
  IdentityResponse,
  IdentitySource,
  IntercomSettings,
  LifecycleEvent,
  Messenger,
  MessengerAttributes,
  MessengerCall,
  MessengerCallbacks,
  MessengerErrorCode,
  MessengerFeature,
  MessengerHost,
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
