import { defineConfig } from 'tsup'

export default defineConfig([
  {
    // Only errors: `pnpm test` builds first, and a green run should print what a reader needs.
    silent: true,
    entry: ['src/index.ts', 'src/server.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    // Both builds run at once: this clean must spare the browser script the other one writes.
    clean: ['!messenger.global.js*'],
    sourcemap: true,
    target: 'es2022',
    // The server reads the browser script next to it: the CommonJS build needs `import.meta.url` shimmed.
    shims: true,
  },
  {
    // The script a page loads in place of widget.intercom.io/widget/<app_id>.
    silent: true,
    entry: { messenger: 'src/browser.ts' },
    format: ['iife'],
    sourcemap: true,
    minify: true,
    target: 'es2020',
  },
])
