import { fileURLToPath } from 'node:url'

/**
 * Tests import the packages by their public names; this points those names at the sources so a test
 * run never depends on a stale build.
 */
export const workspaceAlias = Object.fromEntries(
  [
    // Entry points below a package come first, so the package's own name cannot swallow them.
    ...['core/syncSignOut', 'core/shareRenewal', 'react/syncSignOut', 'react/shareRenewal'].map(
      (entry) => [entry, entry.replace('/', '/src/')],
    ),
    ...['core', 'react', 'signer', 'testing'].map((name) => [name, `${name}/src/index`]),
  ].map(([entry, file]) => [
    `@verified-messenger/${entry}`,
    fileURLToPath(new URL(`./packages/${file}.ts`, import.meta.url)),
  ]),
)
