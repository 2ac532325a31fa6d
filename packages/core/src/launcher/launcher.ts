export { createLauncher } from './createLauncher'
export type { Launcher, LauncherIntent, LauncherOptions } from './launcherOptions'
export type { PrefetchedIdentity } from './prefetchIdentity'
export { PREFETCH_MAX_AGE, prefetchIdentity } from './prefetchIdentity'
