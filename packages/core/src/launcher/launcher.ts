export type { Launcher, LauncherIntent, LauncherOptions } from './createLauncher'
export { createLauncher } from './createLauncher'
export type { PrefetchedIdentity } from './prefetchIdentity'
export { PREFETCH_MAX_AGE, prefetchIdentity } from './prefetchIdentity'
