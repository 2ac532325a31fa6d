import type { ConsentSource, MessengerFeature } from './types'

/**
 * Keeps the Messenger's consent in step with a live source (a consent manager adapter): its value now,
 * then every change. What `createMessenger({ consent: source })` attaches through `extend`.
 * @example
 * const detach = messenger.extend(followConsent(tcfConsent()))
 */
export const followConsent =
  (source: ConsentSource): MessengerFeature =>
  ({ messenger }) => {
    const sync = () => messenger.setConsent(source.getSnapshot())
    const unsubscribe = source.subscribe(sync)
    sync()
    return unsubscribe
  }
