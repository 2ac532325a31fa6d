import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
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
