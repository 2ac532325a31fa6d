import { fileURLToPath } from 'node:url'

/** The opt-in entry points (`@verified-messenger/<package>/<subpath>`) and the source file of each. */
export const featureEntries: Record<string, Record<string, string>> = {
  core: {
    'sync-sign-out': 'syncSignOut',
    'share-renewal': 'shareRenewal',
    'tcf-consent': 'tcfConsent',
    'onetrust-consent': 'oneTrustConsent',
    'cookiebot-consent': 'cookiebotConsent',
    'usercentrics-consent': 'usercentricsConsent',
    'didomi-consent': 'didomiConsent',
    'page-views': 'pageViews',
    launcher: 'launcher',
  },
  react: {
    'sync-sign-out': 'syncSignOut',
    'share-renewal': 'shareRenewal',
    'tcf-consent': 'tcfConsent',
    'onetrust-consent': 'oneTrustConsent',
    'cookiebot-consent': 'cookiebotConsent',
    'usercentrics-consent': 'usercentricsConsent',
    'didomi-consent': 'didomiConsent',
    'page-views': 'usePageViews',
    launcher: 'launcher',
  },
  testing: {
    server: 'server',
  },
}

const source = (name: string, file: string) =>
  fileURLToPath(new URL(`./packages/${name}/src/${file}.ts`, import.meta.url))

/**
 * Tests import the packages by their public names; this points those names at the sources so a test
 * run never depends on a stale build. Subpaths come first, so a package's own alias cannot swallow them.
 */
export const workspaceAlias = Object.fromEntries([
  ...Object.entries(featureEntries).flatMap(([name, entries]) =>
    Object.entries(entries).map(([subpath, file]): [string, string] => [
      `@verified-messenger/${name}/${subpath}`,
      source(name, file),
    ]),
  ),
  ...['core', 'react', 'signer', 'testing'].map((name): [string, string] => [
    `@verified-messenger/${name}`,
    source(name, 'index'),
  ]),
])
