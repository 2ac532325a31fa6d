import { act, render, renderHook, screen, waitFor } from '@testing-library/react'
import { IntercomProvider, useIntercomState } from '@verified-messenger/react'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { type FakeIntercom, fakeIntercom } from './test/fakeIntercom'
import { APP_ID } from './test/renderProvider'
import { withoutRenderErrorLogs } from './test/withoutRenderErrorLogs'

let widget: FakeIntercom
beforeEach(() => {
  widget = fakeIntercom()
})
afterEach(() => widget.dispose())

let renders = 0
function UnreadBadge() {
  renders++
  return <output>{useIntercomState((state) => state.unreadCount)}</output>
}
function Status() {
  return <p>{useIntercomState((state) => state.status)}</p>
}

it('does not re-render a component reading only unreadCount when the Messenger opens', async () => {
  render(
    <IntercomProvider appId={APP_ID} autoBoot>
      <UnreadBadge />
      <Status />
    </IntercomProvider>,
  )
  await waitFor(() => expect(screen.getByText('booted')).toBeDefined())
  const settled = renders

  act(() => widget.emit('onShow'))
  act(() => widget.emit('onHide'))
  expect(renders).toBe(settled)

  act(() => widget.emit('onUnreadCountChange', 4))
  expect(screen.getByRole('status').textContent).toBe('4')
  expect(renders).toBeGreaterThan(settled)
})

it('throws when used outside IntercomProvider', () => {
  expect(() =>
    withoutRenderErrorLogs(() => renderHook(() => useIntercomState((state) => state.isOpen))),
  ).toThrowError(
    /useIntercomState\(\) was called outside <IntercomProvider>: wrap your component tree/,
  )
})
