import { act, render, waitFor } from '@testing-library/react'
import { IntercomProvider, type UseIntercom } from '@verified-messenger/react'
import { useSyncSignOut } from '@verified-messenger/react/sync-sign-out'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type FakeIntercom, fakeIntercom } from '../test/fakeIntercom'
import { IDENTITY_URL, signedIn } from '../test/identityServer'
import { APP_ID, Capture } from '../test/renderProvider'

let widget: FakeIntercom
let other: BroadcastChannel
let heard: unknown[]
beforeEach(() => {
  widget = fakeIntercom()
  other = new BroadcastChannel(`verified-messenger:${APP_ID}`)
  heard = []
  other.onmessage = (event) => heard.push(event.data)
})
afterEach(() => {
  widget.dispose()
  other.close()
})

function Synced() {
  useSyncSignOut({ appId: APP_ID })
  return null
}

const renderSynced = async () => {
  const intercom = {} as { current: UseIntercom }
  const view = render(
    <IntercomProvider appId={APP_ID} identity={IDENTITY_URL} autoBoot>
      <Synced />
      <Capture into={intercom} />
    </IntercomProvider>,
  )
  await waitFor(() => expect(intercom.current.identity?.userId).toBe('123'))
  return { intercom, unmount: view.unmount }
}

describe('useSyncSignOut', () => {
  it("shuts the provider's Messenger down on another tab's sign-out and brings it back as the endpoint's user", async () => {
    const { intercom } = await renderSynced()
    signedIn.user = '456'
    other.postMessage({ type: 'verified-messenger/signed-out', appId: APP_ID })
    await waitFor(() => expect(intercom.current.status).toBe('shut-down'))
    other.postMessage({ type: 'verified-messenger/settled', appId: APP_ID })
    await waitFor(() => expect(intercom.current.identity?.userId).toBe('456'))
  })

  it('tells the other tabs once (in StrictMode too) when the app shuts the verified session down', async () => {
    const { intercom } = await renderSynced()
    act(() => intercom.current.shutdown())
    await waitFor(() => expect(heard).toHaveLength(1))
    expect(heard).toEqual([{ type: 'verified-messenger/signed-out', appId: APP_ID }])
  })

  it('stops when the component unmounts', async () => {
    const { intercom, unmount } = await renderSynced()
    const { shutdown } = intercom.current
    unmount()
    shutdown()
    // A message would arrive on the event loop's next turns.
    for (let turn = 0; turn < 10; turn++) await new Promise((resolve) => setImmediate(resolve))
    expect(heard).toEqual([])
  })
})
