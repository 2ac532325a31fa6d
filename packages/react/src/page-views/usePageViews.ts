import { pageViews } from '@verified-messenger/core/page-views'
import { useMessenger } from '@verified-messenger/react'
import { useEffect } from 'react'

/**
 * Turns on page views for the provider's Messenger while the calling component is mounted: every
 * client-side navigation (React Router, Next.js, any History API router) sends `update`, and every
 * `update` shares one budget of Intercom's throttle. Call it once, near the provider.
 * @example
 * function Analytics() {
 *   usePageViews()
 *   return null
 * }
 */
export function usePageViews(): void {
  const messenger = useMessenger('usePageViews')
  useEffect(() => pageViews(messenger), [messenger])
}
