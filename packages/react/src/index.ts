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
  VerifiedIdentity,
} from '@verified-messenger/core'
export {
  createMessenger,
  MessengerError,
  REFRESH_MARGIN,
  toIntercomSettings,
} from '@verified-messenger/core'
export type {
  IntercomProviderBaseProps,
  IntercomProviderConfigProps,
  IntercomProviderMessengerProps,
  IntercomProviderProps,
} from './IntercomProvider'
export { IntercomProvider } from './IntercomProvider'
export type {
  DataAttributesAvatar,
  DataAttributesCompany,
  IntercomBootProps,
  IntercomContextValues,
  IntercomMethod,
  IntercomProps,
  IntercomSpace,
  LogLevel,
} from './reactUseIntercomTypes'
export type { IntercomMethods, UseIntercom } from './useIntercom'
export { useIntercom } from './useIntercom'
export { useIntercomState } from './useIntercomState'
export { useMessenger } from './useMessenger'
