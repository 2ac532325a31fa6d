import type { Messenger } from '@verified-messenger/core'

/**
 * The methods `useIntercom()` returns: react-use-intercom's, plus `signOut` and `setAuthTokens`. An
 * allow-list, so whatever else the Messenger offers (its store, consent, extension points) stays out.
 */
export const INTERCOM_METHOD_NAMES = [
  'boot',
  'shutdown',
  'hardShutdown',
  'signOut',
  'update',
  'hide',
  'show',
  'showMessages',
  'showNewMessage',
  'startConversation',
  'getVisitorId',
  'startTour',
  'startChecklist',
  'trackEvent',
  'showArticle',
  'startSurvey',
  'showSpace',
  'showNews',
  'showTicket',
  'showConversation',
  'hideNotifications',
  'setAuthTokens',
] as const satisfies readonly (keyof Messenger)[]

/** react-use-intercom's methods, from the provider's Messenger. */
export type IntercomMethods = Pick<Messenger, (typeof INTERCOM_METHOD_NAMES)[number]>

const picked = new WeakMap<Messenger, IntercomMethods>()

/**
 * `messenger`'s methods that `useIntercom()` returns, picked once per Messenger so every component gets
 * the same functions (safe in dependency arrays).
 */
export function intercomMethods(messenger: Messenger): IntercomMethods {
  let methods = picked.get(messenger)
  if (!methods) {
    methods = Object.fromEntries(
      INTERCOM_METHOD_NAMES.map((name) => [name, messenger[name]]),
    ) as IntercomMethods
    picked.set(messenger, methods)
  }
  return methods
}
