import { fireEvent, render, screen } from '@testing-library/react'
import * as ours from '@verified-messenger/react'
import { useEffect } from 'react'
import * as theirs from 'react-use-intercom'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { page } from './test/fakeIntercom'
import { ReadmeExample, visitorIds } from './test/readmeExample'
import { APP_ID } from './test/renderProvider'

type Library = typeof theirs

// The README's buttons, in an order that exercises every method while booted, then shutdown and reboot.
const CLICKS = [
  'Boot intercom',
  'Update clean session',
  'Update session with props',
  'Show messages',
  'Hide messages',
  'Show message list',
  'Show new messages',
  'Show new message with pre-filled content',
  'Start conversation',
  'Get visitor id',
  'Start tour',
  'Start checklist',
  'Track event',
  'Track event with metadata',
  'Open article in Messenger',
  'Start survey in Messenger',
  'Open space in Messenger',
  'Open news in Messenger',
  'Open ticket in Messenger',
  'Open conversation in Messenger',
  'Hide notifications',
  'Set auth tokens',
  'Shutdown',
  'Boot with props',
  'Hard shutdown',
]

/** `window.Intercom` as react-use-intercom's users mock it in their tests. */
const mockIntercom = () => {
  const intercom = vi.fn((method: string) => (method === 'getVisitorId' ? 'visitor-1' : undefined))
  page.Intercom = intercom as never
  return intercom
}

/**
 * Clicks every button of the README example against `library` with `window.Intercom` mocked, and
 * returns what each click sent to Intercom (callback registrations aside: react-use-intercom registers
 * them before `boot`, we after) and `window.intercomSettings` after it.
 */
const clickThrough = (library: Library) => {
  const intercom = mockIntercom()
  const view = render(<ReadmeExample library={library} appId={APP_ID} />)
  // react-use-intercom also calls `reattach_activator` and `update` when it mounts on a page that has Intercom.
  intercom.mockClear()
  const seen = CLICKS.map((label) => {
    intercom.mockClear()
    fireEvent.click(screen.getByText(label))
    return {
      label,
      calls: intercom.mock.calls.filter(([method]) => !method.startsWith('on')),
      settings: structuredClone(page.intercomSettings),
    }
  })
  view.unmount()
  delete page.Intercom
  return seen
}

/** Boots, pings and updates, the way a react-use-intercom app does on mount. */
function Updates({ library }: { library: Library }) {
  const { boot, update } = library.useIntercom()
  useEffect(() => {
    boot({ name: 'Ada' })
    update()
    update({ email: 'ada@example.com' })
  }, [boot, update])
  return null
}

function OpenButton() {
  const { show, isOpen } = ours.useIntercom()
  return (
    <button type="button" onClick={show}>
      {isOpen ? 'Open' : 'Closed'}
    </button>
  )
}

describe('a react-use-intercom app after changing the import line', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
    vi.useRealTimers()
  })

  it('sends Intercom what react-use-intercom sends, for every method in its README', () => {
    visitorIds.length = 0
    const expected = clickThrough(theirs)
    const actual = clickThrough(ours as Library)
    expect(actual).toEqual(expected)
    expect(expected.find(({ label }) => label === 'Set auth tokens')?.calls).toEqual([
      ['setAuthTokens', { security_token: 'your-jwt' }],
    ])
    expect(visitorIds).toEqual(['visitor-1', 'visitor-1'])
  })

  it('sends what theirs sends for update() without settings (last_request_at) and merges update(settings)', () => {
    vi.useFakeTimers({ now: new Date('2026-01-02T03:04:05Z'), toFake: ['Date'] })
    const run = (library: Library) => {
      const intercom = mockIntercom()
      render(
        <library.IntercomProvider appId={APP_ID}>
          <Updates library={library} />
        </library.IntercomProvider>,
      )
      const sent = intercom.mock.calls.filter(([method]) => method === 'update')
      const settings = page.intercomSettings
      delete page.Intercom
      delete page.intercomSettings
      return { sent: sent.slice(-2), settings }
    }
    const expected = run(theirs)
    expect(expected.sent).toEqual([
      ['update', { last_request_at: 1767323045 }],
      ['update', { email: 'ada@example.com' }],
    ])
    expect(run(ours as Library)).toEqual(expected)
  })

  it('boots inside act() when window.Intercom is mocked: no "not wrapped in act" warning, calls reach the mock at once', async () => {
    // What Testing Library sets when the runner has global hooks (Jest, Vitest with `globals`), as in
    // their test suites: React then reports state changes that land outside act().
    vi.stubGlobal('IS_REACT_ACT_ENVIRONMENT', true)
    const error = vi.spyOn(console, 'error')
    const intercom = mockIntercom()
    render(
      <ours.IntercomProvider appId={APP_ID} autoBoot>
        <OpenButton />
      </ours.IntercomProvider>,
    )
    fireEvent.click(screen.getByText('Closed'))
    expect(intercom).toHaveBeenCalledWith('boot', { app_id: APP_ID })
    expect(intercom).toHaveBeenLastCalledWith('show')
    // Anything the boot left for later lands now, outside act(), as it would after a migrated test's last line.
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(error).not.toHaveBeenCalled()
  })
})
