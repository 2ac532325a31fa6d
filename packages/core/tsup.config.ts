import { defineConfig } from 'tsup'

export default defineConfig({
  // Only errors: `pnpm test` builds first, and a green run should print what a reader needs.
  silent: true,
  // The kernel, and each opt-in feature as its own entry point (0 bytes for apps that do not import it).
  entry: {
    index: 'src/index.ts',
    'sync-sign-out': 'src/syncSignOut.ts',
    'share-renewal': 'src/shareRenewal.ts',
    'tcf-consent': 'src/tcfConsent.ts',
    'onetrust-consent': 'src/oneTrustConsent.ts',
    'cookiebot-consent': 'src/cookiebotConsent.ts',
    'usercentrics-consent': 'src/usercentricsConsent.ts',
    'didomi-consent': 'src/didomiConsent.ts',
    'page-views': 'src/pageViews.ts',
    launcher: 'src/launcher.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
})
