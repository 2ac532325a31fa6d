/**
 * Every Intercom method that only forwards its arguments; until boot these wait in the queue of the session
 * they were made in.
 */
export const FORWARDED_METHODS =
  'hide show showMessages showSpace showNewMessage startConversation trackEvent startTour showArticle showNews startSurvey startChecklist showTicket showConversation hideNotifications'.split(
    ' ',
  )

/** The first ones take no arguments, so the click event of `onClick={show}` is not passed on. */
export const WITHOUT_ARGUMENTS = 3
