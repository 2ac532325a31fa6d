// The page the page-views end-to-end test drives: a booted Messenger with page views on, and the fake
// Messenger (which enforces Intercom's update throttle) as the widget script. Built by the test.
import { createMessenger } from '@verified-messenger/core'
import { pageViews } from '@verified-messenger/core/page-views'
import { type FakeMessenger, installFakeMessenger } from '@verified-messenger/testing'

let fake: FakeMessenger | undefined
const messenger = createMessenger({ appId: 'pv-app', scriptUrl: '/widget/pv-app' })
messenger.boot()
const stop = pageViews(messenger)

const pageViewsPage = {
  /** What the widget script (routed to this) does: the fake Messenger takes over `window.Intercom`. */
  installWidget() {
    fake = installFakeMessenger({ appId: 'pv-app' })
  },
  booted: () => messenger.getSnapshot().status === 'booted',
  /** The `update` calls the widget received, and how many its throttle dropped. */
  updates: () => ({
    received: fake?.calls.filter(([method]) => method === 'update').length ?? 0,
    dropped: fake?.dropped.length ?? 0,
  }),
  hasNavigationApi: () => 'navigation' in window,
  stats: () => ({ ...stop.stats }),
}

;(window as { pageViewsPage?: typeof pageViewsPage }).pageViewsPage = pageViewsPage
export type PageViewsPage = typeof pageViewsPage
