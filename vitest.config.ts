import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const reactPackage = (name: string) =>
  fileURLToPath(new URL(`./packages/react/node_modules/${name}`, import.meta.url))

/**
 * The React binding's tests again, on React 18. The aliases send `react`/`react-dom` imports (and their
 * subpaths) in sources to the 18 copies; CommonJS requires inside node_modules are redirected by the
 * setup file, because pnpm links react-dom-18 and Testing Library to React 19.
 */
const react18 = {
  extends: './packages/react/vitest.config.ts',
  root: reactPackage('..'),
  resolve: {
    alias: [
      { find: /^react$/, replacement: reactPackage('react-18') },
      { find: /^react\/(.*)$/, replacement: `${reactPackage('react-18')}/$1` },
      { find: /^react-dom$/, replacement: reactPackage('react-dom-18') },
      { find: /^react-dom\/(.*)$/, replacement: `${reactPackage('react-dom-18')}/$1` },
    ],
  },
  test: {
    name: 'react@18',
    setupFiles: [reactPackage('../vitest.react18.setup.ts')],
  },
}

export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'examples/*/vitest.config.ts', react18],
  },
})
