/** A line to the other tabs of this origin that opened a channel of the same name. */
export interface TabChannel {
  /** Sends `message` to every other tab (never to this one). */
  post(message: Record<string, unknown>): void
  close(): void
}

/** The message fields every tab feature sends; `type` says which message it is. */
export type TabMessage = Record<string, unknown> & { type?: unknown }

/**
 * Opens the channel `name` between tabs: a BroadcastChannel, or where the browser has none, `storage`
 * events on a localStorage key written and removed at once. Both reach only pages of the same origin;
 * what arrives is still only data, so `receive` checks its shape before acting on it.
 */
export const openTabChannel = (
  name: string,
  receive: (message: TabMessage) => void,
): TabChannel => {
  const take = (data: unknown) => {
    if (typeof data === 'object' && data !== null) receive(data as TabMessage)
  }
  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(name)
    channel.onmessage = (event) => take(event.data)
    return { post: (message) => channel.postMessage(message), close: () => channel.close() }
  }
  const onStorage = (event: StorageEvent) => {
    if (event.key !== name || !event.newValue) return
    try {
      take(JSON.parse(event.newValue))
    } catch {}
  }
  addEventListener('storage', onStorage)
  return {
    post(message) {
      // Removed at once: the other tabs are told of the write, and nothing stays behind in storage.
      try {
        localStorage.setItem(name, JSON.stringify(message))
        localStorage.removeItem(name)
      } catch {}
    },
    close: () => removeEventListener('storage', onStorage),
  }
}
