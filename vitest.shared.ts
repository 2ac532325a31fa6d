import { fileURLToPath } from 'node:url'

/**
 * Tests import the packages by their public names; this points those names at the sources so a test
 * run never depends on a stale build.
 */
export const workspaceAlias: Record<string, string> = Object.fromEntries([
  // Before the package's own name, which would otherwise swallow the subpath.
  [
    '@verified-messenger/testing/server',
    fileURLToPath(new URL('./packages/testing/src/server.ts', import.meta.url)),
  ] as const,
  ...['core', 'react', 'signer', 'testing'].map(
    (name) =>
      [
        `@verified-messenger/${name}`,
        fileURLToPath(new URL(`./packages/${name}/src/index.ts`, import.meta.url)),
      ] as const,
  ),
])
