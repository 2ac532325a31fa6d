// @ts-check
import { mutationConfig } from '../mutationConfig.mjs'

// Mutation testing of the core files that guard identity and consent: `pnpm test:mutation` from the repo
// root, which runs Stryker in this folder (paths below are relative to it).
// Each mutant (a check flipped, a bound moved, a branch removed) must make one of core's unit tests fail.
// Source files here carry no Stryker comments, so the survivors that behave exactly like the original
// (equivalent mutants, which no test can kill) are listed here, with why:
// - identity.ts `jwt.split('.')[1] ?? ''` with another fallback string: a token without a payload segment
//   fails to decode either way (atob throws on the placeholder too), so it is IDENTITY_INVALID both ways.
// - identity.ts `exp === undefined ? Infinity : ...` made always false: `undefined * 1000 - Date.now()` is
//   NaN, which like Infinity is neither `<= 0` (expired) nor `< 60_000` (the short-lifetime warning).
// - identity.ts `session.removeEventListener('abort', stop)` with another event name: the finished
//   attempt's `stop` stays on the session's signal, and aborting that attempt's controller later (its
//   request has settled) changes nothing; the listener goes with the session's signal.
// - intercomDoor.ts `[]` made `["Stryker was here"]` as the keys dropped before any boot (`let drop`) and
//   for the unverified kind (`drop = ...`), and as the fields a JWT signs before any boot (`let signed`)
//   and after a shutdown (`signed = []`): keys are compared after `normal()`, which leaves only lowercase
//   letters and digits, so the placeholder matches no key in `drop`; `drop` and `signed` are only read by
//   boot (which sets them first) and by renew and the app's calls (which reach the door only once booted),
//   and a field named "Stryker was here" is nothing an app sends.
// - intercomDoor.ts `${payload.user_id ?? ''}` with another fallback: the session key of a boot without a
//   user_id is only compared with keys made the same way, so any fixed placeholder tells the same sessions
//   apart (unless a user_id were the placeholder itself).
// - lifecycle.ts `state.wanted?.settings` (the retry check in `boot`, `identified`, `renewal-failed`) and
//   `identity?.expiresAt` (`renewal-failed`) made a plain `.`: the phase 'failed' is only entered by a boot
//   that was asked for (its `wanted` is kept until a shutdown or sign-out leaves 'failed'), `identified`
//   answers the `identify` that only a wanted boot starts, and a renewal only fails in the live verified
//   session that has both; the `?.` guards states the lifecycle never reaches, so nothing throws either way.

/**
 * The files that guard identity and consent, relative to packages/core/src: the identity check, the one
 * door to `window.Intercom`, the lifecycle transition (where consent gates every boot) and the live consent
 * source. To cover another one, add its path here; nothing else changes.
 */
const guarded = [
  'identity.ts',
  'signedFields.ts',
  'toIntercomSettings.ts',
  'intercomDoor.ts',
  'lifecycle.ts',
  'followConsent.ts',
]

export default mutationConfig('core', guarded)
