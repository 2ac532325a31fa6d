import { fileURLToPath } from 'node:url'
import { featureEntries } from './packages/entryPoints.ts'

const source = (name: string, file: string) =>
  fileURLToPath(new URL(`./packages/${name}/src/${file}.ts`, import.meta.url))

/**
 * Tests import the packages by their public names; this points those names at the sources so a test
 * run never depends on a stale build. Subpaths come first, so a package's own alias cannot swallow them.
 */
export const workspaceAlias = Object.fromEntries([
  ...Object.entries(featureEntries).flatMap(([name, entries]) =>
    Object.entries(entries).map(([subpath, file]): [string, string] => [
      `@verified-messenger/${name}/${subpath}`,
      source(name, file),
    ]),
  ),
  ...['core', 'react', 'signer', 'testing'].map((name): [string, string] => [
    `@verified-messenger/${name}`,
    source(name, 'index'),
  ]),
])
