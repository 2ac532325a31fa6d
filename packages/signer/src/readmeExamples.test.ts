import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
const readme = readFileSync(join(packageDir, 'README.md'), 'utf8')

/** The first TypeScript block under a README heading, exactly as a reader copies it. */
function snippetUnder(heading: string): string {
  const section = readme.slice(readme.indexOf(`\n${heading}\n`))
  const match = /```ts\n([\s\S]*?)```/.exec(section)
  if (!match?.[1]) throw new Error(`no ts block under ${heading}`)
  return match[1]
}

// Inside the package, so the snippet resolves express and the signer the way the package's own code does.
const scratch = mkdtempSync(join(packageDir, 'src', '.readme-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Type-checks `source` as a module with the package's compiler options; returns the errors. */
function typeErrors(name: string, source: string): string[] {
  const file = join(scratch, `${name}.ts`)
  writeFileSync(file, source)
  const config = ts.getParsedCommandLineOfConfigFile(
    join(packageDir, 'tsconfig.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  )
  if (!config) throw new Error('cannot read tsconfig.json')
  const program = ts.createProgram([file], { ...config.options, noUnusedLocals: false })
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(file))
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
}

describe('README examples', () => {
  it('the Express example type-checks as written', () => {
    expect(typeErrors('express', snippetUnder('### Express'))).toEqual([])
  }, 60_000)
})
