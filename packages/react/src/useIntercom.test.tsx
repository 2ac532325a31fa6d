import { act, renderHook, waitFor } from '@testing-library/react'
import { useIntercom } from '@verified-messenger/react'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { type FakeIntercom, fakeIntercom } from './test/fakeIntercom'
import { IDENTITY_URL, signedIn } from './test/identityServer'
import { renderProvider } from './test/renderProvider'
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
