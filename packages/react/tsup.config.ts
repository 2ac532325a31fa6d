import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/index.ts', 'src/launcher.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2020',
  // The provider uses state and effects: frameworks with Server Components must treat it as client code.
  banner: { js: "'use client'" },
  // One React and one core on the page: both come from the app's own node_modules.
  external: ['react', 'react/jsx-runtime', '@verified-messenger/core'],
})
