import { render, screen } from '@testing-library/react'
import { useState, version } from 'react'
import { version as reactDomVersion } from 'react-dom'
import { expect, it } from 'vitest'

function Version() {
  const [shown] = useState(version)
  return <p>{shown}</p>
}

it('runs on the React major its project names, Testing Library included', ({ task }) => {
  const major = task.file.projectName === 'react@18' ? '18.' : '19.'
  expect(version.startsWith(major)).toBe(true)
  expect(reactDomVersion.startsWith(major)).toBe(true)
  // A hook rendered by Testing Library's react-dom only works when both are the same React.
  render(<Version />)
  expect(screen.getByRole('paragraph').textContent).toBe(version)
})
