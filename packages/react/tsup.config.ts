import { defineConfig } from 'tsup'

export default defineConfig({
  // The bindings, and each opt-in feature as its own entry point (0 bytes for apps that do not import it).
  entry: {
    index: 'src/index.ts',
    'tcf-consent': 'src/tcfConsent.ts',
    'onetrust-consent': 'src/oneTrustConsent.ts',
    'cookiebot-consent': 'src/cookiebotConsent.ts',
    'usercentrics-consent': 'src/usercentricsConsent.ts',
    'didomi-consent': 'src/didomiConsent.ts',
    'page-views': 'src/usePageViews.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2020',
  // The provider uses state and effects: frameworks with Server Components must treat it as client code.
  banner: { js: "'use client'" },
  // One React and one core on the page: both come from the app's own node_modules.
  external: ['react', 'react/jsx-runtime', /^@verified-messenger\/core(\/.*)?$/],
})
