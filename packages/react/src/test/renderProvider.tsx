import { render } from '@testing-library/react'
import {
  IntercomProvider,
  type IntercomProviderProps,
  type UseIntercom,
  useIntercom,
} from '@verified-messenger/react'
import { beforeEach } from 'vitest'

/**
 * The app id of the current test: a new one each test, because what a booted Messenger leaves on the
 * page for its app (which only a reload clears) must not leak into the next test.
 */
export let APP_ID = 'app0'
let tests = 0
beforeEach(() => {
  APP_ID = `app${++tests}`
})

type Props = Omit<Extract<IntercomProviderProps, { appId: string }>, 'appId' | 'children'>

/** Keeps the latest `useIntercom()` result of its place in the tree. */
export function Capture({ into }: { into: { current?: UseIntercom } }) {
  into.current = useIntercom()
  return null
}

/**
 * Renders an `IntercomProvider` for APP_ID (in StrictMode, see setup.ts) around a component that keeps
 * the latest `useIntercom()` result in `intercom.current`.
 */
export function renderProvider(props: Props = {}) {
  const intercom = {} as { current: UseIntercom }
  const tree = (next: Props) => (
    <IntercomProvider appId={APP_ID} {...next}>
      <Capture into={intercom} />
    </IntercomProvider>
  )
  const view = render(tree(props))
  return { intercom, rerender: (next: Props) => view.rerender(tree(next)), unmount: view.unmount }
}
