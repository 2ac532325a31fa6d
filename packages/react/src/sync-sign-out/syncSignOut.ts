export {
  SIGN_OUT_WAIT,
  type SyncSignOutOptions,
  syncSignOut,
} from '@verified-messenger/core/sync-sign-out'
export { useSyncSignOut } from './useSyncSignOut'
