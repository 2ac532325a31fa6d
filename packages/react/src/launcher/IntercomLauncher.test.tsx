import { act, render, screen, waitFor } from '@testing-library/react'
import { IntercomProvider } from '@verified-messenger/react'
import { IntercomLauncher, prefetchIdentity } from '@verified-messenger/react/launcher'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { type FakeIntercom, fakeIntercom } from '../test/fakeIntercom'
import { IDENTITY_URL, signedIn } from '../test/identityServer'
import { APP_ID } from '../test/renderProvider'

let widget: FakeIntercom
beforeEach(() => {
  widget = fakeIntercom()
})
afterEach(() => widget.dispose())

it('draws one launcher under StrictMode and loads nothing until it is clicked', async () => {
  render(
    <IntercomProvider appId={APP_ID} identity={IDENTITY_URL}>
      <IntercomLauncher settings={{ userId: '123' }} />
    </IntercomProvider>,
  )
  expect(screen.getAllByRole('button', { name: 'Open Intercom Messenger' })).toHaveLength(1)
  expect(widget.scripts()).toHaveLength(0)
  expect(signedIn.requests).toBe(0)

  act(() => screen.getByRole('button').click())
  await waitFor(() => expect(widget.callsTo('show')).toHaveLength(1))
  expect(widget.callsTo('boot')[0]?.[0]).toMatchObject({ user_id: '123' })
  expect(signedIn.requests).toBe(1)
})

it('reads the latest settings and callbacks at the click, and redraws for a new unread count', () => {
  const first = vi.fn()
  const latest = vi.fn()
  const tree = (onConsentRequired: () => void, unreadCount: number) => (
    <IntercomProvider appId={APP_ID} identity={IDENTITY_URL} consent="pending">
      <IntercomLauncher
        settings={{ userId: '123' }}
        unreadCount={unreadCount}
        onConsentRequired={onConsentRequired}
      />
    </IntercomProvider>
  )
  const view = render(tree(first, 0))
  view.rerender(tree(latest, 0))
  act(() => screen.getByRole('button').click())
  expect(first).not.toHaveBeenCalled()
  expect(latest).toHaveBeenCalledWith('pending')

  view.rerender(tree(latest, 2))
  expect(screen.getAllByRole('button', { name: 'Open Intercom Messenger, 2 unread' })).toHaveLength(
    1,
  )
  expect(widget.scripts()).toHaveLength(0)
})

it('warms the prefetched identity up on hover, so the click boots without a second request', async () => {
  const identity = prefetchIdentity(IDENTITY_URL)
  render(
    <IntercomProvider appId={APP_ID} identity={identity}>
      <IntercomLauncher intent="hover" identity={identity} settings={{ userId: '123' }} />
    </IntercomProvider>,
  )
  act(() => screen.getByRole('button').dispatchEvent(new Event('pointerenter')))
  await waitFor(() => expect(signedIn.requests).toBe(1))
  expect(widget.scripts()).toHaveLength(1)

  act(() => screen.getByRole('button').click())
  await waitFor(() => expect(widget.callsTo('show')).toHaveLength(1))
  expect(signedIn.requests).toBe(1)
})

it('keeps the same button, and the focus on it, when a prop changes', () => {
  const tree = (unreadCount: number) => (
    <IntercomProvider appId={APP_ID} identity={IDENTITY_URL}>
      <IntercomLauncher unreadCount={unreadCount} settings={{ actionColor: '#ffd400' }} />
    </IntercomProvider>
  )
  const view = render(tree(2))
  const button = screen.getByRole('button', { name: 'Open Intercom Messenger, 2 unread' })
  act(() => button.focus())

  view.rerender(tree(3))
  expect(screen.getByRole('button', { name: 'Open Intercom Messenger, 3 unread' })).toBe(button)
  expect(document.activeElement).toBe(button)
})
