import type { MessengerError } from '../MessengerError'
import type { BootSettings, Consent } from '../types'
import type { PrefetchedIdentity } from './prefetchIdentity'

/** When the launcher loads the Messenger. */
export type LauncherIntent = 'click' | 'hover' | 'idle'

export interface LauncherOptions {
  /** What to boot with (`userId`, `actionColor`, `alignment`, paddings, ...); a function is read at intent time. */
  settings?: BootSettings | (() => BootSettings | undefined)
  /**
   * `'click'` (default): load and boot on the first click (from the press that starts it) and open the
   * Messenger once booted.
   * `'hover'`: as `'click'`, and a pointer over or focus on the launcher already downloads the script and
   * (with `identity`) requests the identity. `'idle'`: boot once the page is idle, except on Save-Data
   * or a 2G/3G connection, where it waits for the click.
   */
  intent?: LauncherIntent
  /** The Messenger's identity source, made with `prefetchIdentity`, so a warm-up can request it early. */
  identity?: PrefetchedIdentity
  /** An unread count the app knows, shown as a badge (and announced) until the real launcher takes over. */
  unreadCount?: number
  /** The button's accessible name; default `'Open Intercom Messenger'`. */
  label?: string
  /** What the button says after a failed load; default `'The chat could not load. Try again?'`. */
  failedLabel?: string
  /** A click while consent is `'pending'` or `'denied'`: nothing loads, the app decides (show its banner). */
  onConsentRequired?: (consent: Exclude<Consent, 'granted'>) => void
  /** The script or the identity failed, so the Messenger did not boot; the launcher says so, and a click retries. */
  onLoadFailed?: (error: MessengerError) => void
}

/** What `createLauncher` returns: call it to remove the launcher; `update` changes its options in place. */
export interface Launcher {
  (): void
  /** Replaces the options; the button is redrawn in place (it keeps focus), and the next intent reads them. */
  update(options: LauncherOptions): void
}
