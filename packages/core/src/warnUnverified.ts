import { devWarning } from './devWarning'
import type { BootSettings } from './types'

/**
 * Warns, in development, about a `boot` or `update` whose identity Intercom will reject or that nobody
 * vouched for. Call it only behind the production check (see devWarning.ts).
 */
export const warnUnverified = (
  method: 'boot' | 'update',
  settings: BootSettings,
  verified: boolean,
) => {
  if (method === 'update') {
    if (verified && settings.userId !== undefined) {
      devWarning(
        'update({ userId }) is ignored while `identity` is configured, because that user id is not verified: call boot({ userId }) to switch users.',
      )
    }
    return
  }
  if (/^eyJ[\w-]*\.[\w-]+\.[\w-]*$/.test(settings.userHash ?? '')) {
    devWarning(
      'userHash looks like a JWT, and Intercom rejects a JWT in user_hash: pass it as intercomUserJwt, or configure `identity`.',
    )
  }
  if (!verified && settings.userId && !settings.userHash && !settings.intercomUserJwt) {
    devWarning(
      'boot({ userId }) without `identity`, userHash or intercomUserJwt sends a user id nobody vouched for: configure `identity` so your server signs it.',
    )
  }
}
