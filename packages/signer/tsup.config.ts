import { defineConfig } from 'tsup'

export default defineConfig({
  // Only errors: `pnpm test` builds first, and a green run should print what a reader needs.
  silent: true,
  // cli.ts starts with a `#!/usr/bin/env node` line, which esbuild keeps and tsup marks executable.
  entry: ['src/index.ts', 'src/cli.ts'],
  format: ['esm', 'cjs'],
  dts: { entry: 'src/index.ts' },
  clean: true,
  sourcemap: true,
  target: 'node20',
})
