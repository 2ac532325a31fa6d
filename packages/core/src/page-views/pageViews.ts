import type { Messenger, UpdatePayload } from '../types'
import { createUpdateBudget, type UpdateBudgetStats } from './createUpdateBudget'

/** What `pageViews` returns: the function that detaches it, with what its budget did so far. */
export interface PageViews {
  (): void
  readonly stats: UpdateBudgetStats
}

type NavigationTarget = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>

/**
 * Tells Intercom about every client-side navigation (History API `pushState`/`replaceState` and
 * `popstate`, or the Navigation API where the browser has it) with `update`, as Intercom asks of
 * single-page apps; no router setup needed. While attached, every `update`, the app's included, shares
 * one budget of Intercom's throttle (see `createUpdateBudget`): page views are coalesced, attribute
 * changes are never dropped, and a dev-mode warning says when the budget ran out. Returns the function
 * that detaches it. Does nothing where there is no `window`.
 * @example
 * import { pageViews } from '@verified-messenger/core/page-views'
 * const stop = pageViews(messenger)
 */
export const pageViews = (messenger: Messenger): PageViews => {
  const budget = createUpdateBudget()
  const detach = Object.assign(() => {}, { stats: budget.stats })
  if (typeof window === 'undefined') return detach

  // Every update, the app's included, shares the budget; other calls pass as they are.
  const detachBudget = messenger.extend((host) =>
    host.intercept((call, next) => {
      const [name, [settings]] = call
      if (name !== 'update') return next(call)
      budget.route((settings ?? {}) as UpdatePayload, (sent) =>
        next([name, Object.keys(sent).length ? [sent] : []]),
      )
    }),
  )
  let href = location.href
  // Routers call replaceState for state alone (scroll positions, keys): only a new URL is a page view.
  // Before boot there is nothing to tell: the boot itself logs the page it happens on.
  const navigated = () => {
    if (location.href === href) return
    href = location.href
    if (messenger.getSnapshot().status === 'booted') messenger.update()
  }

  let unlisten: () => void
  const navigation = (window as { navigation?: NavigationTarget }).navigation
  if (navigation) {
    // Fires for pushState, replaceState, traversals and navigate() alike, without patching anything.
    navigation.addEventListener('currententrychange', navigated)
    unlisten = () => navigation.removeEventListener('currententrychange', navigated)
  } else {
    const { pushState, replaceState } = history
    const patched = (original: typeof pushState): typeof pushState =>
      function (this: History, ...args) {
        original.apply(this, args)
        navigated()
      }
    history.pushState = patched(pushState)
    history.replaceState = patched(replaceState)
    addEventListener('popstate', navigated)
    unlisten = () => {
      history.pushState = pushState
      history.replaceState = replaceState
      removeEventListener('popstate', navigated)
    }
  }

  // Held attribute changes belong to the user they were made for: a new session drops them.
  let user = messenger.getSnapshot().identity?.userId
  const unsubscribe = messenger.subscribe(() => {
    const next = messenger.getSnapshot().identity?.userId
    if (next !== user) budget.clear()
    user = next
  })

  return Object.assign(
    () => {
      detachBudget()
      unlisten()
      unsubscribe()
      budget.stop()
    },
    { stats: budget.stats },
  )
}
