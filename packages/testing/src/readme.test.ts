import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8')

// The README's first unit test runs in CI as src/readme/messenger.test.tsx (the `testing-readme`
// project); this keeps the two the same text, so what a reader copies is what passed.
it("the README's first unit test is src/readme/messenger.test.tsx, word for word", () => {
  const readme = read('../README.md')
  const section = readme.slice(readme.indexOf('\n## Unit tests'))
  const [, block] = /```tsx\n([\s\S]*?)```/.exec(section) ?? []

  expect(block).toBe(read('./readme/messenger.test.tsx'))
})
