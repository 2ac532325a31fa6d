import { defineConfig } from 'tsup'

export default defineConfig({
  entry: ['src/index.ts', 'src/launcher.ts'],
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
