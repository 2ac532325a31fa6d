import { fileURLToPath } from 'node:url'

const source = (path: string) => fileURLToPath(new URL(`./packages/${path}.ts`, import.meta.url))

/**
 * Tests import the packages by their public names; this points those names at the sources so a test
 * run never depends on a stale build. Subpath entries come first, so a package's own alias cannot
 * swallow them.
 */
export const workspaceAlias: Record<string, string> = Object.fromEntries([
  ...['core/launcher', 'react/launcher'].map((entry) => [
    `@verified-messenger/${entry}`,
    source(entry.replace('/', '/src/')),
  ]),
  ...['core', 'react', 'signer', 'testing'].map((name) => [
    `@verified-messenger/${name}`,
    source(`${name}/src/index`),
  ]),
])
