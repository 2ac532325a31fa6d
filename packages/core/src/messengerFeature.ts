// The Messenger's one extension point: what an opt-in feature attaches with.

import type { Messenger, MessengerOptions } from './types'

/** Settings of one `update` call as `window.Intercom` receives them (snake_case). */
export type UpdatePayload = Record<string, unknown>

/**
 * Decides when an `update` reaches Intercom: `send` it now, later (merged with others), or not at all.
 * The page views feature keeps Intercom's update throttle with one.
 */
export type UpdateRoute = (settings: UpdatePayload, send: (settings: UpdatePayload) => void) => void

/** An app call on its way to Intercom: the method's name and its arguments (`update`'s in snake_case). */
export type MessengerCall = [name: string, args: unknown[]]

/**
 * Sees every app call (`update`, `trackEvent`, `show`, ...) before it reaches Intercom, and passes it on
 * with `next`: now, later, changed, or not at all. Whatever it passes still goes through the kernel's
 * identity filter and belongs to the session the app made it in.
 * @example
 * // Drops every trackEvent named 'noise'.
 * const quiet: CallInterceptor = (call, next) => {
 *   if (call[0] !== 'trackEvent' || call[1][0] !== 'noise') next(call)
 * }
 */
export type CallInterceptor = (call: MessengerCall, next: (call: MessengerCall) => void) => void

/** What a feature attached with `messenger.extend` may use besides the Messenger's public methods. */
export interface MessengerHost {
  readonly messenger: Messenger
  /** The options the Messenger was created with (`appId`, `identity`, ...). */
  readonly options: Readonly<MessengerOptions>
  /** Routes every later app call through `interceptor`, until the feature is detached. */
  intercept(interceptor: CallInterceptor): void
  /**
   * Downloads the widget script without booting, so a later `boot()` waits only for what is left; does
   * nothing while consent is not granted. A failure is reported by the boot that uses the script.
   */
  load(): void
  /** Calls `listener` after each lifecycle event (a boot asked for, identified, loaded, ended, ...). */
  on(listener: (event: LifecycleEvent) => void): void
}

/**
 * An opt-in capability: attaches to the Messenger through its host and may return a function that
 * detaches it (the kernel removes its interceptors and listeners by itself).
 * @example
 * const logCalls: MessengerFeature = (host) => host.intercept((call, next) => next(call))
 * const detach = messenger.extend(logCalls)
 */
export type MessengerFeature = (host: MessengerHost) => unknown

/** One step of the Messenger's lifecycle, as `MessengerHost.on` reports it. */
export type LifecycleEvent = import('./kernelState').KernelEvent
