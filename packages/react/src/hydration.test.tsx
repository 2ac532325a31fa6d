import {
  createMessenger,
  IntercomProvider,
  useIntercom,
  useIntercomState,
} from '@verified-messenger/react'
import { act } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { expect, it, vi } from 'vitest'

// Hydration is driven by hand here (Testing Library would set this itself).
Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true })

function Status() {
  const { status } = useIntercom()
  const consent = useIntercomState((state) => state.consent)
  return <p>{`${status}/${consent}`}</p>
}

it('hydrates with what the server rendered although the state changed since, then shows the current state', async () => {
  const messenger = createMessenger({ appId: 'hydration', consent: 'pending' })
  const app = (
    <IntercomProvider messenger={messenger}>
      <Status />
    </IntercomProvider>
  )
  const container = document.createElement('div')
  container.innerHTML = renderToString(app)
  expect(container.textContent).toBe('awaiting-consent/pending')
  // The app restored the visitor's choice (in an effect) before this part of the page hydrated.
  messenger.setConsent('denied')
  const onRecoverableError = vi.fn()

  await act(async () => {
    hydrateRoot(container, app, { onRecoverableError })
  })

  expect(onRecoverableError).not.toHaveBeenCalled()
  expect(container.textContent).toBe('idle/denied')
})
