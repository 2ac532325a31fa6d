import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { featureEntries } from './entryPoints.ts'

// What npm shows and installs of each published package: its tarball and its README (the npm page).
const packagesDir = fileURLToPath(new URL('.', import.meta.url))
const names = readdirSync(packagesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)

const packedFiles = (name: string): string[] => {
  const json = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: `${packagesDir}${name}`,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  return (JSON.parse(json) as { files: { path: string }[] }[])[0]?.files.map((f) => f.path) ?? []
}

describe.each(names)('@verified-messenger/%s as published', (name) => {
  const readme = readFileSync(`${packagesDir}${name}/README.md`, 'utf8')

  // npm pack takes seconds on a busy machine.
  it('ships the license in its tarball', { timeout: 30_000 }, () => {
    expect(packedFiles(name)).toContain('LICENSE')
  })

  it('links only to absolute URLs or anchors in its README, which npm shows outside the repository', () => {
    const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map(([, target]) => target)
    expect(links.filter((target) => !/^(https:\/\/|#)/.test(target ?? ''))).toEqual([])
  })

  it('installs with npm in its README, like every other package of the SDK', () => {
    expect(readme).not.toMatch(/\b(pnpm add|yarn add)\b/)
  })
})

describe.each(['core', 'react'])('@verified-messenger/%s opt-in entry points', (name) => {
  const subpaths = Object.keys(featureEntries[name] ?? {})
  const manifest = JSON.parse(readFileSync(`${packagesDir}${name}/package.json`, 'utf8'))

  it('are each exported, with types for both module systems, and nothing else is', () => {
    expect(Object.keys(manifest.exports)).toEqual([
      '.',
      ...subpaths.map((subpath) => `./${subpath}`),
      './package.json',
    ])
    for (const subpath of subpaths) {
      expect(manifest.exports[`./${subpath}`]).toEqual({
        import: { types: `./dist/${subpath}.d.ts`, default: `./dist/${subpath}.js` },
        require: { types: `./dist/${subpath}.d.cts`, default: `./dist/${subpath}.cjs` },
      })
      expect(manifest.typesVersions['*'][subpath]).toEqual([`./dist/${subpath}.d.cts`])
    }
  })

  it('resolve to their sources when type-checking the repository', () => {
    // Compared without white space: the formatter wraps the longer entries.
    const base = readFileSync(
      fileURLToPath(new URL('../tsconfig.base.json', import.meta.url)),
      'utf8',
    ).replace(/\s/g, '')
    for (const [subpath, file] of Object.entries(featureEntries[name] ?? {})) {
      expect(base).toContain(
        `"@verified-messenger/${name}/${subpath}":["./packages/${name}/src/${file}.ts"]`,
      )
    }
  })
})

// The files an ESM import of `entry` loads: the entry and the chunks it imports, transitively.
const bundleOf = (dist: string, entry: string, seen = new Set<string>()): Set<string> => {
  if (seen.has(entry)) return seen
  seen.add(entry)
  const code = readFileSync(`${dist}${entry}`, 'utf8')
  for (const [, chunk] of code.matchAll(/from\s*["']\.\/([^"']+\.js)["']/g)) {
    if (chunk) bundleOf(dist, chunk, seen)
  }
  return seen
}

// The public vocabulary every part shares (statuses, consent values, ...), which is no feature's own.
const vocabulary = readFileSync(`${packagesDir}core/src/types.ts`, 'utf8')

// The string literals a feature's own source uses (10 characters or more, outside comments and imports,
// not a camelCase name such as a DOM method's, not the public vocabulary): text the feature needs and the
// base has no reason to carry.
const literalsOf = (source: string): string[] =>
  source
    .split('\n')
    .filter((line) => !/^\s*(import|export \{|\*|\/\/|\/\*)/.test(line))
    .flatMap((line) =>
      [...line.matchAll(/'((?:[^'\\\n]|\\.)*)'/g)].map(([, literal]) => literal ?? ''),
    )
    .filter(
      (literal) =>
        literal.length >= 10 &&
        !/^[a-z]+[A-Z][A-Za-z]*$/.test(literal) &&
        !vocabulary.includes(`'${literal}'`),
    )

describe.each(['core', 'react'])('@verified-messenger/%s base import', (name) => {
  const dist = `${packagesDir}${name}/dist/`
  // How many of the features' own texts were looked for, so the check is seen to look at something.
  let checked = 0
  const base = [...bundleOf(dist, 'index.js')].map((file) => readFileSync(`${dist}${file}`, 'utf8'))

  it.each(Object.entries(featureEntries[name] ?? {}))(
    'carries none of the code of the opt-in entry %s',
    (subpath, file) => {
      const source = (path: string) => {
        const file = `${packagesDir}${name}/src/${path}`
        return readFileSync(existsSync(`${file}.ts`) ? `${file}.ts` : `${file}.tsx`, 'utf8')
      }
      // An entry that only re-exports (`export { createLauncher } from './createLauncher'`) counts its files.
      const entry = source(file)
      const literals = [
        entry,
        ...[...entry.matchAll(/^export .* from '\.\/(\w+)'/gm)].map(([, f]) =>
          source(`${dirname(file)}/${f}`),
        ),
      ].flatMap(literalsOf)
      const own = readFileSync(`${dist}${subpath}.js`, 'utf8')
      const feature = [...bundleOf(dist, `${subpath}.js`)].map((f) =>
        readFileSync(`${dist}${f}`, 'utf8'),
      )
      const inFeature = literals.filter((literal) => feature.some((code) => code.includes(literal)))
      expect(own.length).toBeGreaterThan(0)
      checked += inFeature.length
      expect(inFeature.filter((literal) => base.some((code) => code.includes(literal)))).toEqual([])
      // React features bind a core entry, which the base must not import either.
      expect(base.filter((code) => code.includes(`@verified-messenger/core/${subpath}`))).toEqual(
        [],
      )
    },
  )

  it('looked for text of the features in their own bundles', () => {
    expect(checked).toBeGreaterThan(name === 'core' ? 20 : 2)
  })
})
