import { defineConfig } from 'tsup'
import { tsupEntries } from '../entryPoints.ts'

export default defineConfig({
  // Only errors: `pnpm test` builds first, and a green run should print what a reader needs.
  silent: true,
  // The bindings, and each opt-in feature as its own entry point (0 bytes for apps that do not import it).
  entry: tsupEntries('react'),
  format: ['esm', 'cjs'],
  // The types of the package's own name come from its sources: its build is what is being made.
  dts: { compilerOptions: { paths: { '@verified-messenger/react': ['./src/index.ts'] } } },
  clean: true,
  sourcemap: true,
  target: 'es2020',
  // The provider uses state and effects: frameworks with Server Components must treat it as client code.
  banner: { js: "'use client'" },
  // One React and one core on the page: both come from the app's own node_modules. Entry points below
  // the package import its main entry, so they share the provider's context.
  external: [
    'react',
    'react/jsx-runtime',
    /^@verified-messenger\/core(\/.*)?$/,
    '@verified-messenger/react',
  ],
})
