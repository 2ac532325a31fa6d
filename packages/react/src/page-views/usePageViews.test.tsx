import { act, render, waitFor } from '@testing-library/react'
import { IntercomProvider, type UseIntercom } from '@verified-messenger/react'
import { usePageViews } from '@verified-messenger/react/page-views'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type FakeIntercom, fakeIntercom } from '../test/fakeIntercom'
import { APP_ID, Capture } from '../test/renderProvider'

let widget: FakeIntercom
beforeEach(() => {
  widget = fakeIntercom()
})
afterEach(() => {
  widget.dispose()
  history.replaceState(null, '', '/')
})

function PageViews() {
  usePageViews()
  return null
}

describe('usePageViews', () => {
  it('sends update when the app navigates with the History API, and stops on unmount', async () => {
    const intercom = {} as { current: UseIntercom }
    const view = render(
      <IntercomProvider appId={APP_ID} autoBoot>
        <PageViews />
        <Capture into={intercom} />
      </IntercomProvider>,
    )
    await waitFor(() => expect(intercom.current.isBooted).toBe(true))
    const before = widget.callsTo('update').length

    act(() => history.pushState(null, '', '/settings'))
    expect(widget.callsTo('update')).toHaveLength(before + 1)

    view.unmount()
    history.pushState(null, '', '/billing')
    expect(widget.callsTo('update')).toHaveLength(before + 1)
  })
})
