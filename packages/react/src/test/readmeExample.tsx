import type * as ReactUseIntercom from 'react-use-intercom'

/** What the example's "Get visitor id" button read, in order. */
export const visitorIds: unknown[] = []

type Library = typeof ReactUseIntercom

/**
 * react-use-intercom 5.8.0's README `useIntercom` example, as its users write it against its typings
 * (the `console.log` of the visitor id kept in `visitorIds`, and `type="button"` for the linter). It
 * takes the library, so the same code runs against react-use-intercom and against
 * `@verified-messenger/react` (and passing ours type-checks that ours has every export theirs has, with
 * compatible types).
 */
export function ReadmeExample({ library, appId }: { library: Library; appId: string }) {
  const { IntercomProvider, useIntercom } = library
  return (
    <IntercomProvider appId={appId}>
      <HomePage useIntercom={useIntercom} />
    </IntercomProvider>
  )
}

function HomePage({ useIntercom }: Pick<Library, 'useIntercom'>) {
  const {
    boot,
    shutdown,
    hardShutdown,
    update,
    hide,
    show,
    showMessages,
    showNewMessage,
    startConversation,
    getVisitorId,
    startTour,
    startChecklist,
    trackEvent,
    showArticle,
    startSurvey,
    showSpace,
    showNews,
    showTicket,
    showConversation,
    hideNotifications,
    setAuthTokens,
  } = useIntercom()

  const bootWithProps = () => boot({ name: 'Russo' })
  const updateWithProps = () => update({ name: 'Ossur' })
  const handleNewMessages = () => showNewMessage()
  const handleNewMessagesWithContent = () => showNewMessage('content')
  const handleStartConversation = () => startConversation('Hello')
  const handleGetVisitorId = () => visitorIds.push(getVisitorId())
  const handleStartTour = () => startTour(123)
  const handleStartChecklist = () => startChecklist(456)
  const handleTrackEvent = () => trackEvent('invited-friend')
  const handleTrackEventWithMetaData = () =>
    trackEvent('invited-frind', {
      name: 'Russo',
    })
  const handleShowArticle = () => showArticle(123456)
  const handleStartSurvey = () => startSurvey(123456)
  const handleShowSpace = () => showSpace('tasks')
  const handleShowNews = () => showNews(123)
  const handleShowTicket = () => showTicket(123)
  const handleShowConversation = () => showConversation(123)
  const handleHideNotifications = () => hideNotifications(true)
  const handleSetAuthTokens = () => setAuthTokens({ security_token: 'your-jwt' })

  return (
    <>
      {/* The README's `onClick={boot}` and `onClick={update}`: its own typings reject them (a click event
            has nothing in common with IntercomProps), so JavaScript apps write them; hence the casts. */}
      <button type="button" onClick={boot as () => void}>
        Boot intercom
      </button>
      <button type="button" onClick={bootWithProps}>
        Boot with props
      </button>
      <button type="button" onClick={shutdown}>
        Shutdown
      </button>
      <button type="button" onClick={hardShutdown}>
        Hard shutdown
      </button>
      <button type="button" onClick={update as () => void}>
        Update clean session
      </button>
      <button type="button" onClick={updateWithProps}>
        Update session with props
      </button>
      <button type="button" onClick={show}>
        Show messages
      </button>
      <button type="button" onClick={hide}>
        Hide messages
      </button>
      <button type="button" onClick={showMessages}>
        Show message list
      </button>
      <button type="button" onClick={handleNewMessages}>
        Show new messages
      </button>
      <button type="button" onClick={handleNewMessagesWithContent}>
        Show new message with pre-filled content
      </button>
      <button type="button" onClick={handleStartConversation}>
        Start conversation
      </button>
      <button type="button" onClick={handleGetVisitorId}>
        Get visitor id
      </button>
      <button type="button" onClick={handleStartTour}>
        Start tour
      </button>
      <button type="button" onClick={handleStartChecklist}>
        Start checklist
      </button>
      <button type="button" onClick={handleTrackEvent}>
        Track event
      </button>
      <button type="button" onClick={handleTrackEventWithMetaData}>
        Track event with metadata
      </button>
      <button type="button" onClick={handleShowArticle}>
        Open article in Messenger
      </button>
      <button type="button" onClick={handleStartSurvey}>
        Start survey in Messenger
      </button>
      <button type="button" onClick={handleShowSpace}>
        Open space in Messenger
      </button>
      <button type="button" onClick={handleShowNews}>
        Open news in Messenger
      </button>
      <button type="button" onClick={handleShowTicket}>
        Open ticket in Messenger
      </button>
      <button type="button" onClick={handleShowConversation}>
        Open conversation in Messenger
      </button>
      <button type="button" onClick={handleHideNotifications}>
        Hide notifications
      </button>
      <button type="button" onClick={handleSetAuthTokens}>
        Set auth tokens
      </button>
    </>
  )
}
