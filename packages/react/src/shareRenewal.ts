export {
  RENEWAL_WAIT,
  type ShareRenewalOptions,
  type SharedIdentitySource,
  shareRenewal,
} from '@verified-messenger/core/shareRenewal'
