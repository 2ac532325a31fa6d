import type { Store } from './createStore'
import type { MessengerSnapshot } from './types'

/** `ready()`: resolves once the Messenger is booted, or rejects with the error that stopped it. */
export const whenReady = (store: Store<MessengerSnapshot>) =>
  new Promise<void>((resolve, reject) => {
    const settle = () => {
      const { status, error } = store.get()
      if (status === 'booted' || status === 'error') {
        unsubscribe()
        if (status === 'booted') resolve()
        else reject(error)
      }
    }
    const unsubscribe = store.subscribe(settle)
    settle()
  })
