import { vi } from 'vitest'

/**
 * Runs `render`, which is expected to throw while rendering, without the copies of that error React (in
 * development) and jsdom (as an uncaught error event) write to the console, so a green run stays quiet.
 */
export function withoutRenderErrorLogs(render: () => unknown): void {
  const handled = (event: ErrorEvent) => event.preventDefault()
  window.addEventListener('error', handled)
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
  try {
    render()
  } finally {
    window.removeEventListener('error', handled)
    consoleError.mockRestore()
  }
}
