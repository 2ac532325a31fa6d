import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

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
