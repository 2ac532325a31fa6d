import { defineConfig } from 'tsup'
import { tsupEntries } from '../entryPoints.ts'

export default defineConfig({
  // Only errors: `pnpm test` builds first, and a green run should print what a reader needs.
  silent: true,
  // The kernel, and each opt-in feature as its own entry point (0 bytes for apps that do not import it).
  entry: tsupEntries('core'),
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
})
