// One list of the packages' opt-in entry points, read by the test aliases (vitest.shared.ts), the builds
// (tsup.config.ts) and the packaging test, which checks package.json exports and tsconfig paths against it.

/**
 * The opt-in entry points (`@verified-messenger/<package>/<subpath>`) and the source file of each, in the
 * folder of its feature: a package's `src/` root holds only what every app ships.
 */
export const featureEntries: Record<string, Record<string, string>> = {
  core: {
    'sync-sign-out': 'sync-sign-out/syncSignOut',
    'share-renewal': 'share-renewal/shareRenewal',
    'tcf-consent': 'consent/tcfConsent',
    'onetrust-consent': 'consent/oneTrustConsent',
    'cookiebot-consent': 'consent/cookiebotConsent',
    'usercentrics-consent': 'consent/usercentricsConsent',
    'didomi-consent': 'consent/didomiConsent',
    'page-views': 'page-views/pageViews',
    launcher: 'launcher/launcher',
  },
  react: {
    'sync-sign-out': 'sync-sign-out/syncSignOut',
    'share-renewal': 'share-renewal/shareRenewal',
    'tcf-consent': 'consent/tcfConsent',
    'onetrust-consent': 'consent/oneTrustConsent',
    'cookiebot-consent': 'consent/cookiebotConsent',
    'usercentrics-consent': 'consent/usercentricsConsent',
    'didomi-consent': 'consent/didomiConsent',
    'page-views': 'page-views/usePageViews',
    launcher: 'launcher/launcher',
  },
  testing: {
    server: 'server',
  },
}

/** tsup's `entry` for `name`: its index and each opt-in entry point, built to `dist/<subpath>.js`. */
export const tsupEntries = (name: string): Record<string, string> => ({
  index: 'src/index.ts',
  ...Object.fromEntries(
    Object.entries(featureEntries[name] ?? {}).map(([subpath, file]) => [
      subpath,
      `src/${file}.ts`,
    ]),
  ),
})
