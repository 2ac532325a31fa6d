import { version } from 'react'
import { version as reactDomVersion } from 'react-dom'
import { expect, it } from 'vitest'

it('runs on the React major its project names', ({ task }) => {
  const major = task.file.projectName === 'react@18' ? '18.' : '19.'
  expect(version.startsWith(major)).toBe(true)
  expect(reactDomVersion.startsWith(major)).toBe(true)
})
