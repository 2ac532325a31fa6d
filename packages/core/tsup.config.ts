import { defineConfig } from 'tsup'

export default defineConfig({
  // Only errors: `pnpm test` builds first, and a green run should print what a reader needs.
  silent: true,
  entry: ['src/index.ts', 'src/syncSignOut.ts', 'src/shareRenewal.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
})
