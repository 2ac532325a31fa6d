import { createMessenger, IntercomProvider, useIntercom } from '@verified-messenger/react'

// The app the testing README's first unit test renders: it boots the signed-in user through its identity
// endpoint, shows the unread count, and tracks opening the Messenger.
const messenger = createMessenger({
  appId: 'app123',
  identity: '/api/intercom/identity',
  onShow: () => messenger.trackEvent('opened-support'),
})

function UnreadBadge() {
  const { unreadCount } = useIntercom()
  return unreadCount ? <span>{unreadCount} new messages</span> : null
}

/** Boots `user` verified: the identity endpoint signs who is signed in. */
export function App({ user }: { user: { id: string; name: string } }) {
  return (
    <IntercomProvider
      messenger={messenger}
      autoBoot
      autoBootProps={{ userId: user.id, name: user.name }}
    >
      <UnreadBadge />
    </IntercomProvider>
  )
}
