import type * as ReactUseIntercom from 'react-use-intercom'

/** What the example's "Get visitor id" button read, in order. */
export const visitorIds: unknown[] = []

/**
 * react-use-intercom 5.8.0's README `useIntercom` example, as its users write it against its typings
 * (the `console.log` of the visitor id kept in `visitorIds`). It takes the library, so the same code
 * runs against react-use-intercom and against `@verified-messenger/react` (and passing ours type-checks
 * that ours has every export theirs has, with compatible types).
 */
export function readmeExample({ IntercomProvider, useIntercom }: typeof ReactUseIntercom) {
  const HomePage = () => {
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
        <button onClick={boot as () => void}>Boot intercom</button>
        <button onClick={bootWithProps}>Boot with props</button>
        <button onClick={shutdown}>Shutdown</button>
        <button onClick={hardShutdown}>Hard shutdown</button>
        <button onClick={update as () => void}>Update clean session</button>
        <button onClick={updateWithProps}>Update session with props</button>
        <button onClick={show}>Show messages</button>
        <button onClick={hide}>Hide messages</button>
        <button onClick={showMessages}>Show message list</button>
        <button onClick={handleNewMessages}>Show new messages</button>
        <button onClick={handleNewMessagesWithContent}>
          Show new message with pre-filled content
        </button>
        <button onClick={handleStartConversation}>Start conversation</button>
        <button onClick={handleGetVisitorId}>Get visitor id</button>
        <button onClick={handleStartTour}>Start tour</button>
        <button onClick={handleStartChecklist}>Start checklist</button>
        <button onClick={handleTrackEvent}>Track event</button>
        <button onClick={handleTrackEventWithMetaData}>Track event with metadata</button>
        <button onClick={handleShowArticle}>Open article in Messenger</button>
        <button onClick={handleStartSurvey}>Start survey in Messenger</button>
        <button onClick={handleShowSpace}>Open space in Messenger</button>
        <button onClick={handleShowNews}>Open news in Messenger</button>
        <button onClick={handleShowTicket}>Open ticket in Messenger</button>
        <button onClick={handleShowConversation}>Open conversation in Messenger</button>
        <button onClick={handleHideNotifications}>Hide notifications</button>
        <button onClick={handleSetAuthTokens}>Set auth tokens</button>
      </>
    )
  }

  return ({ appId }: { appId: string }) => (
    <IntercomProvider appId={appId}>
      <HomePage />
    </IntercomProvider>
  )
}
