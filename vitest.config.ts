import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import reactProject from './packages/react/vitest.config.ts'
import testingProject from './packages/testing/vitest.config.ts'

const reactPackage = (path: string) =>
  fileURLToPath(new URL(`./packages/react/${path}`, import.meta.url))

/**
 * The React binding's tests again, on React 18. The aliases send `react`/`react-dom` imports (and their
 * subpaths) in sources to the 18 copies; CommonJS requires inside node_modules are redirected by the
 * first setup file, which must run before anything loads Testing Library, because pnpm links
 * react-dom-18 and Testing Library to React 19.
 */
const react18 = {
  ...reactProject,
  root: reactPackage(''),
  resolve: {
    alias: [
      ...Object.entries(reactProject.resolve?.alias ?? {}).map(([find, replacement]) => ({
        find,
        replacement,
      })),
      { find: /^react(\/.*)?$/, replacement: `${reactPackage('node_modules/react-18')}$1` },
      { find: /^react-dom(\/.*)?$/, replacement: `${reactPackage('node_modules/react-dom-18')}$1` },
    ],
  },
  test: {
    ...reactProject.test,
    name: 'react@18',
    setupFiles: [reactPackage('vitest.react18.setup.ts'), ...(reactProject.test?.setupFiles ?? [])],
  },
}

export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'examples/*/vitest.config.ts',
      'examples/nextjs/vitest.e2e.config.ts',
      react18,
      // The testing README's first unit test as a reader copies it: its own msw server, none of our setup.
      {
        resolve: testingProject.resolve,
        test: {
          name: 'testing-readme',
          root: fileURLToPath(new URL('./packages/testing', import.meta.url)),
          include: ['src/readme/*.test.tsx'],
          environment: 'jsdom',
        },
      },
      // What npm publishes of each package: tarball contents and the README shown on its page.
      { test: { name: 'packaging', include: ['packages/packaging.test.ts'], environment: 'node' } },
      // Every TypeScript block of every README and MIGRATING.md, type-checked as a reader pastes it.
      {
        test: {
          name: 'readme',
          include: ['packages/readmeExamples.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
    ],
  },
})
