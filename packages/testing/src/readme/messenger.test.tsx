// messenger.test.tsx

import { render, screen } from '@testing-library/react'
import { issueIdentity } from '@verified-messenger/signer'
import { installFakeMessenger } from '@verified-messenger/testing'
import { createFakeIntercom } from '@verified-messenger/testing/server'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import { App } from './App'

// The secret your identity endpoint signs with: the fake checks what it signed, as Intercom does.
const secret = 'test-messenger-secret-0123456789abcdef'
const fakeIntercom = createFakeIntercom({ secret, appId: 'app123' })
const server = setupServer(
  // Your identity endpoint, signed in as Ada: what createIdentityHandler answers for her.
  http.get('/api/intercom/identity', async () =>
    HttpResponse.json(await issueIdentity({ user_id: '123', name: 'Ada' }, { secret })),
  ),
  // The fake checks identities at `${api_base}/messenger/web/ping`; the default api_base is Intercom's US one.
  http.post('https://api-iam.intercom.io/messenger/web/ping', ({ request }) =>
    fakeIntercom(request),
  ),
)
beforeAll(() => server.listen())
afterAll(() => server.close())

let fake: ReturnType<typeof installFakeMessenger>
beforeEach(() => {
  fake = installFakeMessenger({ appId: 'app123' })
})
afterEach(() => fake.uninstall())

it('shows the unread badge and tracks opening the Messenger', async () => {
  render(<App user={{ id: '123', name: 'Ada' }} />)
  await fake.settled() // the whole boot: your identity endpoint, then the fake's identity check

  expect(fake.state).toMatchObject({ booted: true, verified: true, userId: '123' })

  fake.setUnreadCount(2) // fires the app's onUnreadCountChange
  await screen.findByText('2 new messages')

  fake.open() // the user clicks the launcher: fires onShow
  expect(fake.calls).toContainEqual(['trackEvent', 'opened-support'])
  fake.close() // fires onHide
})

it('never boots a user the server did not sign', async () => {
  const { Intercom } = window as unknown as { Intercom: (...args: unknown[]) => void }
  Intercom('boot', { app_id: 'app123', user_id: 'someone-else' })
  await fake.settled()

  expect(fake.state.refusal?.code).toBe('ERR_IDENTITY_MISSING')
  expect(fake.state.booted).toBe(false)
})
