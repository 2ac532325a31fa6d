import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { afterAll, describe, expect, it } from 'vitest'

// Every TypeScript block of every README and MIGRATING.md is type-checked as a reader would paste it into
// a strict project: as its own module, against the packages' types. A block that is not meant to stand
// alone says so just before its fence, visibly in the Markdown source: <!-- fragment: why -->.

const root = fileURLToPath(new URL('..', import.meta.url))
const FRAGMENT = /<!--\s*fragment\b[^>]*-->\s*$/

/**
 * Where each document's examples are checked from: a folder whose node_modules has what they import
 * (react, next, express...). The packages themselves resolve to their sources through tsconfig paths.
 */
function homeOf({ document, source }: Block): string {
  if (document === 'README.md' || /from 'next[/']/.test(source)) return 'examples/nextjs'
  if (document.startsWith('examples/')) return document.split('/').slice(0, 2).join('/')
  if (document.startsWith('packages/signer/')) return 'packages/signer'
  // core's React examples and testing's component tests need React and Testing Library.
  return 'packages/react'
}

const documents = [
  'README.md',
  ...['packages', 'examples'].flatMap((dir) =>
    readdirSync(join(root, dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) =>
        ['README.md', 'MIGRATING.md']
          .map((name) => `${dir}/${entry.name}/${name}`)
          .filter((path) =>
            readdirSync(join(root, dir, entry.name)).includes(path.split('/')[2] ?? ''),
          ),
      ),
  ),
]

interface Block {
  document: string
  line: number
  language: 'ts' | 'tsx'
  source: string
  fragment: boolean
}

/** The ```ts and ```tsx blocks of a Markdown document, with the line each starts on. */
function blocksOf(document: string): Block[] {
  const lines = readFileSync(join(root, document), 'utf8').split('\n')
  const blocks: Block[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(ts|tsx|typescript)\s*$/.exec(lines[i] ?? '')
    if (!open) {
      if (/^```/.test(lines[i] ?? '')) i = lines.indexOf('```', i + 1)
      continue
    }
    const end = lines.indexOf('```', i + 1)
    blocks.push({
      document,
      line: i + 1,
      language: open[1] === 'tsx' ? 'tsx' : 'ts',
      source: lines.slice(i + 1, end).join('\n'),
      fragment: FRAGMENT.test(lines.slice(Math.max(0, i - 2), i).join('\n')),
    })
    i = end
  }
  return blocks
}

const blocks = documents.flatMap(blocksOf)
const checked = blocks.filter((block) => !block.fragment)

/**
 * The file a block names on its first line (`// app/intercom.tsx`), so another block can import it; not a
 * test file's name, which the test projects running meanwhile could pick up.
 */
const namedFile = (block: Block) => {
  const named = /^\/\/ ((?:[\w.-]+\/)*[\w.-]+\.tsx?)(?:\s|$)/.exec(block.source)?.[1]
  return named && !/\.(test|spec)\.tsx?$/.test(named) ? named : undefined
}

// Each block in its own file (its own module), in a scratch folder inside its home so node resolution finds
// the home's node_modules, one subfolder per document; one program for all of them.
const scratchDirs = new Set<string>()
const fileOf = new Map<Block, string>()
for (const [index, block] of checked.entries()) {
  const scratch = join(root, homeOf(block), '.readme-examples')
  if (!scratchDirs.has(scratch)) {
    rmSync(scratch, { recursive: true, force: true })
    scratchDirs.add(scratch)
  }
  const dir = join(scratch, block.document.replace(/[/.]/g, '_'))
  const named = namedFile(block)
  const file =
    named && ![...fileOf.values()].includes(join(dir, named))
      ? join(dir, named)
      : join(dir, `block_${block.line}_${index}.${block.language}`)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, block.source)
  fileOf.set(block, file)
}
afterAll(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true })
})

const config = ts.getParsedCommandLineOfConfigFile(
  join(root, 'tsconfig.base.json'),
  {},
  { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
)
if (!config) throw new Error('cannot read tsconfig.base.json')
const program = ts.createProgram(
  [...fileOf.values(), fileURLToPath(new URL('./readmeApp.d.ts', import.meta.url))],
  {
    ...config.options,
    // A reader's project: strict, but an example may leave a name unused or use a value once.
    noUnusedLocals: false,
    noUnusedParameters: false,
    allowImportingTsExtensions: false,
    types: ['node'],
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  },
)

/** The compiler's errors for `file`, as `line: message` relative to the block. */
function typeErrors(file: string): string[] {
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((diagnostic) => {
    const where =
      diagnostic.file && diagnostic.start !== undefined
        ? `line ${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1}: `
        : ''
    return `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`
  })
}

describe('README code blocks type-check as written', () => {
  it('finds the blocks of every README and MIGRATING.md', () => {
    expect(documents).toContain('packages/react/MIGRATING.md')
    expect(checked.length).toBeGreaterThan(30)
  })

  it.each(checked.map((block) => [`${block.document}:${block.line}`, block] as const))(
    '%s',
    (_, block) => {
      const file = fileOf.get(block)
      if (!file) throw new Error('no file')
      expect(typeErrors(file), relative(root, file)).toEqual([])
    },
  )
})
