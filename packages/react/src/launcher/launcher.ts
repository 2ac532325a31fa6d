export type {
  LauncherIntent,
  LauncherOptions,
  PrefetchedIdentity,
} from '@verified-messenger/core/launcher'
export { PREFETCH_MAX_AGE, prefetchIdentity } from '@verified-messenger/core/launcher'
export type { IntercomLauncherProps } from './IntercomLauncher'
export { IntercomLauncher } from './IntercomLauncher'
