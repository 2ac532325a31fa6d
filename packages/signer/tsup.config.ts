import { defineConfig } from 'tsup'

export default defineConfig([
  {
    // Only errors: `pnpm test` builds first, and a green run should print what a reader needs.
    silent: true,
    // cli.ts starts with a `#!/usr/bin/env node` line, which esbuild keeps and tsup marks executable.
    entry: ['src/index.ts', 'src/cli.ts'],
    format: ['esm', 'cjs'],
    dts: { entry: 'src/index.ts' },
    sourcemap: true,
    target: 'node20',
  },
  {
    silent: true,
    // The Web Crypto build for workerd and edge runtimes, chosen by the package's conditional exports.
    entry: { 'web/index': 'src/web/index.ts' },
    format: ['esm'],
    dts: { entry: { 'web/index': 'src/web/index.ts' } },
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
  },
])
