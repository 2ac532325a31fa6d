export {
  SIGN_OUT_WAIT,
  type SyncSignOutOptions,
  syncSignOut,
} from '@verified-messenger/core/syncSignOut'
export { useSyncSignOut } from './useSyncSignOut'
