import { createMessenger, type MessengerSnapshot } from '@verified-messenger/core'

// The fake Messenger the server mounts; a real app drops these two options to load Intercom's.
const fakeBase = `${location.origin}/fake-intercom`
const messenger = createMessenger({
  appId: 'express-app',
  identity: '/api/intercom/identity',
  apiBase: fakeBase,
  scriptUrl: `${fakeBase}/widget/express-app`,
})

const describe = ({ status, identity, error }: MessengerSnapshot) =>
  `${status}${identity ? `, verified as ${identity.userId}` : ', anonymous'}${error ? `, ${error.code}` : ''}`
messenger.subscribe(() => {
  const element = document.getElementById('messenger')
  if (element) element.textContent = describe(messenger.getSnapshot())
})

interface User {
  id: string
  name: string
}

async function session(method: 'POST' | 'DELETE', userId?: string) {
  await fetch('/api/session', {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userId }),
  })
  location.reload()
}

function button(label: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button')
  element.textContent = label
  element.addEventListener('click', onClick)
  return element
}

const { user } = (await (await fetch('/api/me')).json()) as { user: User | null }
const sessionElement = document.getElementById('session')
sessionElement?.replaceChildren(
  user ? `Signed in as ${user.name}. ` : 'Signed out. ',
  user
    ? // Shuts the Messenger down and removes its cookies before the server session ends, so nothing of
      // this user survives into the signed-out page.
      button('Sign out', () => messenger.signOut(() => session('DELETE')))
    : button('Sign in as Ada', () => session('POST', 'user-ada')),
)
// The server decides who is signed in; the endpoint signs only its session's user.
await messenger.boot(user ? { userId: user.id } : undefined).catch(() => {})
