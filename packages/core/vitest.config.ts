import { defineProject } from 'vitest/config'
import { workspaceAlias } from '../../vitest.shared.ts'

export default defineProject({
  resolve: { alias: workspaceAlias },
  test: {
    name: 'core',
    environment: 'jsdom',
    // A subdomain, so cookies set on the parent domain (as Intercom does) can be tested.
    environmentOptions: { jsdom: { url: 'https://app.example.com/' } },
    setupFiles: ['./src/test/setup.ts'],
    // Type tests (*.test-d.ts) run with the others under `vitest run`.
    typecheck: { enabled: true, tsconfig: './tsconfig.json' },
  },
})
