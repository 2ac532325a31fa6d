import { createRecorder } from './createRecorder'
import { createStateStore } from './createStateStore'
import { createUpdateThrottle } from './createUpdateThrottle'
import { identityFields, text, userFrom } from './fakeUser'
import { clearIntercomCookies, setIntercomCookies } from './intercomCookies'
import { nextTask } from './nextTask'
import { pingIdentity } from './pingIdentity'
import { trackRequests } from './trackRequests'
import type {
  FakeCall,
  FakeMessenger,
  FakeMessengerOptions,
  FakeMessengerState,
  FakeRefusal,
  FakeUser,
} from './types'

type Settings = Record<string, unknown>
type IntercomGlobal = ((...args: unknown[]) => unknown) & { q?: unknown }

const DEFAULT_API_BASE = 'https://api-iam.intercom.io'
const DEFAULT_APP_ID = 'fake-app'

/** Methods that open the Messenger (on a page where it is booted). */
const openers = new Set(
  'show showMessages showNewMessage showSpace showArticle showNews showTicket showConversation startConversation'.split(
    ' ',
  ),
)

const notBooted: Omit<FakeMessengerState, 'unreadCount' | 'droppedUpdates'> = {
  booted: false,
  verifying: false,
  verified: false,
  user: null,
  userId: null,
  refusal: null,
  isOpen: false,
}

/**
 * Installs a fake `window.Intercom` that speaks the widget's protocol: it replays the official stub's
 * queue, records every call, checks identified boots with the fake server, sets the `intercom-*`
 * cookies, and fires the page's callbacks when the test acts as the user.
 *
 * @example
 * const fake = installFakeMessenger({ appId: 'app123' })
 * render(<App />)
 * await fake.settled()
 * fake.open()
 * expect(fake.calls.map(([method]) => method)).toContain('boot')
 */
export function installFakeMessenger(options: FakeMessengerOptions = {}): FakeMessenger {
  const win = (options.window ?? globalThis.window) as Window & { Intercom?: IntercomGlobal }
  if (!win?.document) {
    throw new Error(
      '[verified-messenger/testing] installFakeMessenger needs a DOM: run it in the browser, or in a test environment such as jsdom or happy-dom (or pass `window`).',
    )
  }
  const { document } = win
  const enforceIdentity = options.enforceIdentity ?? true
  const recorder = createRecorder()
  const store = createStateStore<FakeMessengerState>({
    ...notBooted,
    unreadCount: 0,
    droppedUpdates: 0,
  })
  const throttle = createUpdateThrottle()
  const dropped: FakeCall[] = []
  // Looked up at each call, so an msw server started after install still sees the request.
  const fetchFn: typeof fetch = (input, init) =>
    win.fetch ? win.fetch(input, init) : globalThis.fetch(input, init)
  // The page's requests, its identity request among them, so `settled()` waits for the whole boot.
  const requests = trackRequests(typeof win.fetch === 'function' ? win : globalThis)

  let settings: Settings = {}
  let appId = options.appId ?? DEFAULT_APP_ID
  let visitorId: string | undefined
  let check: AbortController | undefined
  // Every check not yet settled, the cancelled ones included, so `settled()` also outlasts those.
  const checks = new Set<Promise<void>>()

  const hide = () => {
    if (!store.get().isOpen) return
    store.set({ isOpen: false })
    recorder.emit('onHide')
  }

  // Like Intercom, a `show` made while a boot is being verified opens the Messenger once it is accepted.
  let showWhenBooted = false
  const show = () => {
    if (store.get().verifying && !store.get().booted) showWhenBooted = true
    if (!store.get().booted || store.get().isOpen) return
    store.set({ isOpen: true })
    recorder.emit('onShow')
  }

  const accept = (user: FakeUser | null, verified: boolean) => {
    if (!store.get().booted) visitorId = setIntercomCookies(document, appId)
    store.set({
      booted: true,
      verifying: false,
      verified,
      user,
      userId: user?.userId ?? null,
      refusal: null,
    })
    if (showWhenBooted) show()
    showWhenBooted = false
  }

  const refuse = (refusal: FakeRefusal) => {
    showWhenBooted = false
    hide()
    console.error(refusal.message)
    store.set({ ...notBooted, refusal })
  }

  const cancelCheck = () => {
    check?.abort()
    check = undefined
    showWhenBooted = false
  }

  /** Decides who `next` boots as; with enforcement, only the server can say a user is verified. */
  const identify = (next: Settings) => {
    cancelCheck()
    const identified = identityFields.some((field) => next[field] != null && next[field] !== '')
    if (!identified) return accept(null, false)
    if (!enforceIdentity) return accept(userFrom(next), false)

    const controller = new AbortController()
    check = controller
    store.set({ verifying: true })
    const apiBase = text(next.api_base) ?? options.apiBase ?? DEFAULT_API_BASE
    const done = pingIdentity(fetchFn, apiBase, next, controller.signal).then(
      (verdict) => {
        if (check !== controller) return
        check = undefined
        if (verdict.kind === 'refused') refuse(verdict.refusal)
        else accept(verdict.kind === 'verified' ? verdict.user : null, verdict.kind === 'verified')
      },
      () => {
        // Aborted: a later boot, update or shutdown replaced this check.
      },
    )
    checks.add(done)
    done.finally(() => checks.delete(done))
  }

  const methods: Record<string, (arg?: unknown) => unknown> = {
    boot(arg) {
      cancelCheck()
      hide()
      settings = { ...(arg as Settings | undefined) }
      appId = text(settings.app_id) ?? options.appId ?? DEFAULT_APP_ID
      store.set(notBooted)
      identify(settings)
    },
    update(arg) {
      const { booted, verifying } = store.get()
      // The widget ignores updates until it is booted.
      if (!booted && !verifying) return
      if (!throttle.take()) {
        dropped.push(['update', arg])
        store.set({ droppedUpdates: dropped.length })
        return
      }
      const patch = { ...(arg as Settings | undefined) }
      const reidentify = identityFields.some(
        (field) => field in patch && patch[field] !== settings[field],
      )
      settings = { ...settings, ...patch }
      if (reidentify) identify(settings)
    },
    shutdown() {
      cancelCheck()
      hide()
      clearIntercomCookies(document, appId)
      settings = {}
      visitorId = undefined
      store.set({ ...notBooted, unreadCount: 0 })
    },
    hide,
    getVisitorId: () => visitorId,
  }

  const intercom = (...args: unknown[]): unknown => {
    const [method, arg] = args
    if (typeof method !== 'string') return undefined
    recorder.record(args as FakeCall)
    if (openers.has(method)) return show()
    // Own keys only: `Intercom('toString')` must not reach Object.prototype.
    return Object.hasOwn(methods, method) ? methods[method]?.(arg) : undefined
  }

  const queued = win.Intercom?.q
  win.Intercom = intercom
  // The official snippet's stub kept the page's early calls here; the widget replays them in order.
  if (Array.isArray(queued)) {
    for (const call of queued) if (Array.isArray(call)) intercom(...call)
  }

  return {
    calls: recorder.calls,
    dropped,
    get state() {
      return store.get()
    },
    subscribe: store.subscribe,
    async settled() {
      // Each round first lets the page run what its settled promises started (an identity answer
      // becomes a boot, a boot becomes a check); it ends when nothing is left to wait for.
      for (;;) {
        await nextTask()
        const waiting = [...checks, ...requests.pending()]
        if (waiting.length === 0) return
        await Promise.allSettled(waiting)
      }
    },
    open() {
      if (!store.get().booted) {
        throw new Error(
          '[verified-messenger/testing] open() needs a booted Messenger, and it is not booted. Boot it first (and await fake.settled() for an identified user).',
        )
      }
      show()
    },
    close: hide,
    setUnreadCount(count) {
      if (!Number.isInteger(count) || count < 0) {
        throw new Error(
          `[verified-messenger/testing] setUnreadCount() takes a whole number of 0 or more, not ${count}.`,
        )
      }
      if (count === store.get().unreadCount) return
      store.set({ unreadCount: count })
      recorder.emit('onUnreadCountChange', count)
    },
    supplyEmail() {
      recorder.emit('onUserEmailSupplied')
    },
    uninstall() {
      cancelCheck()
      requests.restore()
      if (win.Intercom === intercom) delete win.Intercom
    },
  }
}
