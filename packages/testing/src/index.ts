export type { RefusalCode } from './identityRefusal'
export { installFakeMessenger } from './installFakeMessenger'
export type {
  FakeCall,
  FakeMessenger,
  FakeMessengerOptions,
  FakeMessengerState,
  FakeRefusal,
  FakeUser,
} from './types'
