// @vitest-environment node
import { IntercomProvider, useIntercom } from '@verified-messenger/react'
import { renderToString } from 'react-dom/server'
import { expect, it, vi } from 'vitest'

function Unread() {
  const { unreadCount, status } = useIntercom()
  return <p>{`${status}:${unreadCount}`}</p>
}

it('renders its children on a server and touches nothing else', () => {
  const fetch = vi.spyOn(globalThis, 'fetch')
  const html = renderToString(
    <IntercomProvider appId="app1" identity="https://app.test/identity" autoBoot>
      <Unread />
    </IntercomProvider>,
  )
  expect(html).toBe('<p>idle:0</p>')
  expect(fetch).not.toHaveBeenCalled()
  expect('window' in globalThis).toBe(false)
})
