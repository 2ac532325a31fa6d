import { act, render, renderHook, waitFor } from '@testing-library/react'
import { IntercomProvider, useIntercom } from '@verified-messenger/react'
import { Profiler, type ReactNode, useEffect } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type FakeIntercom, fakeIntercom, page } from './test/fakeIntercom'
import { IDENTITY_URL, signedIn } from './test/identityServer'
import { APP_ID, renderProvider } from './test/renderProvider'
import { withoutRenderErrorLogs } from './test/withoutRenderErrorLogs'

let widget: FakeIntercom
beforeEach(() => {
  widget = fakeIntercom()
})
afterEach(() => widget.dispose())

it('throws one sentence telling to wrap the tree in IntercomProvider when used outside it', () => {
  expect(() => withoutRenderErrorLogs(() => renderHook(() => useIntercom()))).toThrowError(
    /^\[verified-messenger\/react\] useIntercom\(\) was called outside <IntercomProvider>: wrap your component tree in <IntercomProvider>\.$/,
  )
})

it('keeps every method identity across renders and state changes', async () => {
  const { intercom, rerender } = renderProvider({ autoBoot: true })
  const before = { ...intercom.current }
  await waitFor(() => expect(intercom.current.isBooted).toBe(true))
  act(() => intercom.current.show())
  rerender({ autoBoot: true, onShow: () => {} })

  for (const name of [
    'boot',
    'shutdown',
    'hardShutdown',
    'update',
    'show',
    'trackEvent',
  ] as const) {
    expect(intercom.current[name]).toBe(before[name])
  }
})

it('reports isOpen, unreadCount, status and isBooted as Intercom changes them', async () => {
  const { intercom } = renderProvider({ autoBoot: true })
  expect(intercom.current.isBooted).toBe(false)
  await waitFor(() => expect(intercom.current.status).toBe('booted'))

  act(() => widget.emit('onShow'))
  expect(intercom.current.isOpen).toBe(true)
  act(() => widget.emit('onUnreadCountChange', 3))
  expect(intercom.current.unreadCount).toBe(3)
  act(() => widget.emit('onHide'))
  expect(intercom.current.isOpen).toBe(false)
})

it('reports an identity failure in error and onIdentityError, and boots nobody', async () => {
  signedIn.user = '999'
  const onIdentityError = vi.fn()
  const { intercom } = renderProvider({ identity: IDENTITY_URL, onIdentityError })

  await act(() => intercom.current.boot({ userId: '123' }).catch(() => {}))

  expect(intercom.current.error?.code).toBe('IDENTITY_MISMATCH')
  expect(onIdentityError).toHaveBeenCalledWith(intercom.current.error)
  expect(widget.callsTo('boot')).toEqual([])
})

it('passes the methods on to Intercom', async () => {
  const { intercom } = renderProvider({ autoBoot: true })
  await waitFor(() => expect(intercom.current.isBooted).toBe(true))

  act(() => {
    intercom.current.showNewMessage('Hi')
    intercom.current.startTour(42)
    intercom.current.showSpace('help')
  })

  expect(widget.callsTo('showNewMessage')).toEqual([['Hi']])
  expect(widget.callsTo('startTour')).toEqual([[42]])
  expect(widget.callsTo('showSpace')).toEqual([['help']])
  expect(intercom.current.getVisitorId()).toBe('visitor-1')
})

// Like many apps' session hooks: a new object on every call.
const useCurrentUser = (name: string) => ({ name, email: `${name}@example.com` })

// The pattern that looped after migrating from react-use-intercom.
function Account({ name }: { name: string }) {
  const intercom = useIntercom()
  const { boot, shutdown } = intercom
  const user = useCurrentUser(name)
  useEffect(() => {
    boot(user).catch(() => {})
    return () => shutdown()
  }, [user, boot, shutdown])
  return <p>{intercom.isOpen ? 'open' : 'closed'}</p>
}

function Buttons() {
  const { show, trackEvent } = useIntercom()
  const help = () => {
    trackEvent('help')
    show()
  }
  return (
    <button type="button" onClick={help}>
      Help
    </button>
  )
}

function Status() {
  const { isBooted } = useIntercom()
  return <p>{isBooted ? 'booted' : 'not booted'}</p>
}

const clicks: boolean[] = []
function HelpIfBooted() {
  const intercom = useIntercom()
  return (
    <button type="button" onClick={() => clicks.push(intercom.isBooted)}>
      Help
    </button>
  )
}

function Ping() {
  const { boot, update } = useIntercom()
  useEffect(() => {
    boot()
    update()
  })
  return null
}

describe('re-renders only for the state a component read', () => {
  // Commits of the tree under test: what the user sees re-render (StrictMode's second render is not one).
  let commits = 0
  const counted = (children: ReactNode) => (
    <Profiler id="app" onRender={() => commits++}>
      {children}
    </Profiler>
  )
  beforeEach(() => {
    commits = 0
  })

  it.each([
    ['without identity', {}],
    ['with identity', { identity: IDENTITY_URL }],
  ])('renders a boot-in-effect component once per real change, %s', async (_, options) => {
    const app = (name: string) =>
      counted(
        <IntercomProvider appId={APP_ID} {...options}>
          <Account name={name} />
        </IntercomProvider>,
      )
    const view = render(app('ada'))
    await waitFor(() => expect(page.intercomSettings).toMatchObject({ name: 'ada' }))
    expect(commits).toBe(1)

    view.rerender(app('grace'))
    await waitFor(() => expect(page.intercomSettings).toMatchObject({ name: 'grace' }))
    await waitFor(() => expect(page.Intercom).not.toHaveProperty('q'))
    expect(widget.callsTo('boot').at(-1)?.[0]).toMatchObject({ name: 'grace' })
    expect(commits).toBe(2)
  })

  it('never re-renders a component that reads only methods because of the Messenger', async () => {
    render(
      counted(
        <IntercomProvider appId={APP_ID} identity={IDENTITY_URL} autoBoot>
          <Buttons />
        </IntercomProvider>,
      ),
    )
    await waitFor(() => expect(widget.callsTo('boot')).toHaveLength(1))
    await waitFor(() => expect(page.Intercom).not.toHaveProperty('q'))
    act(() => widget.emit('onShow'))
    act(() => widget.emit('onUnreadCountChange', 2))
    act(() => widget.emit('onHide'))

    expect(commits).toBe(1)
  })

  it('re-renders a component that reads isBooted when it boots, not at each step of booting', async () => {
    const view = render(
      counted(
        <IntercomProvider appId={APP_ID} identity={IDENTITY_URL} autoBoot>
          <Status />
        </IntercomProvider>,
      ),
    )
    await waitFor(() => expect(view.container.textContent).toBe('booted'))
    act(() => widget.emit('onShow'))

    expect(commits).toBe(2)
  })

  it('gives a click handler the current value of a field the component never rendered', async () => {
    clicks.length = 0
    const view = render(
      <IntercomProvider appId={APP_ID} identity={IDENTITY_URL} autoBoot>
        <HelpIfBooted />
      </IntercomProvider>,
    )
    await waitFor(() => expect(page.Intercom).not.toHaveProperty('q'))
    await waitFor(() => expect(widget.callsTo('boot')).toHaveLength(1))
    act(() => view.getByRole('button').click())

    expect(clicks).toEqual([true])
  })

  it('sends one update ping from an effect without dependencies that calls boot() then update()', async () => {
    // StrictMode runs a mount's effects twice in development, on purpose; count as production runs them.
    render(
      <IntercomProvider appId={APP_ID}>
        <Ping />
      </IntercomProvider>,
      { reactStrictMode: false },
    )
    await waitFor(() => expect(page.Intercom).not.toHaveProperty('q'))

    expect(widget.callsTo('update')).toHaveLength(1)
  })
})
