export type { FakeIntercomHandler, FakeIntercomOptions } from './createFakeIntercom'
export { createFakeIntercom } from './createFakeIntercom'
export type { RefusalCode } from './identityRefusal'
