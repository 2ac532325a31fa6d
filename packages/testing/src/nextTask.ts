/**
 * Resolves after the tasks queued so far, so every promise callback pending now has run. A message
 * channel rather than a timer, so fake timers (which tests often install) cannot hold it back.
 */
export const nextTask = () =>
  new Promise<void>((resolve) => {
    const { port1, port2 } = new MessageChannel()
    port1.onmessage = () => {
      port1.close()
      resolve()
    }
    port2.postMessage(undefined)
  })
