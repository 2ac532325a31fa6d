export {
  RENEWAL_WAIT,
  type SharedIdentitySource,
  type ShareRenewalOptions,
  shareRenewal,
} from '@verified-messenger/core/share-renewal'
