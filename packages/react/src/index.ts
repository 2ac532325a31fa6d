export type {
  Avatar,
  BootSettings,
  Company,
  Consent,
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
export type { IntercomMethods, UseIntercom } from './useIntercom'
export { useIntercom } from './useIntercom'
export { useIntercomState } from './useIntercomState'
export { useMessenger } from './useMessenger'
