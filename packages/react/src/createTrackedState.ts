import type { Messenger, MessengerSnapshot } from '@verified-messenger/core'

/** The Messenger's state as `useIntercom()` returns it: the snapshot plus `isBooted`. */
export interface IntercomState extends MessengerSnapshot {
  /** `status === 'booted'`. */
  isBooted: boolean
}

type Field = keyof IntercomState

const fieldOf = (snapshot: MessengerSnapshot, field: Field) =>
  field === 'isBooted' ? snapshot.status === 'booted' : snapshot[field]

/** One component's view of the Messenger's state (see {@link createTrackedState}). */
export interface TrackedState {
  /**
   * The snapshot the component should show while the Messenger is at `current`: the one it last
   * rendered while every field it read is unchanged (even if something changed and changed back), so
   * `useSyncExternalStore` re-renders it only when what it read changed.
   */
  select(current: MessengerSnapshot): MessengerSnapshot
  /** The component renders `snapshot`: reads from here until it commits are of that snapshot. */
  render(snapshot: MessengerSnapshot): void
  /** The render committed: reads from here on (an effect, a click) are of the current state. */
  committed(): void
  /**
   * `snapshot` as the component gets it, beside `methods`: each field a getter that marks the field
   * read. Read while rendering, a field is the rendered one; read later, it is the Messenger's current
   * one, as the component has not re-rendered for a field it had not read before.
   */
  view<T extends object>(
    snapshot: MessengerSnapshot,
    methods: T,
    messenger: Messenger,
  ): T & IntercomState
}

/**
 * Tracks which fields of the Messenger's state one component read, as TanStack Query tracks the fields
 * of a query result, so the component re-renders only when one of those changed.
 * @example
 * const [tracked] = useState(createTrackedState)
 * const snapshot = useSyncExternalStore(messenger.subscribe, () => tracked.select(messenger.getSnapshot()))
 * tracked.render(snapshot)
 * useEffect(() => tracked.committed())
 * return tracked.view(snapshot, methods, messenger)
 */
export function createTrackedState(): TrackedState {
  const read = new Set<Field>()
  let rendered: MessengerSnapshot | undefined
  let rendering = true
  const unchanged = (shown: MessengerSnapshot, current: MessengerSnapshot) => {
    for (const field of read)
      if (!Object.is(fieldOf(shown, field), fieldOf(current, field))) return false
    return true
  }
  return {
    select: (current) => (rendered && unchanged(rendered, current) ? rendered : current),
    render(snapshot) {
      rendered = snapshot
      rendering = true
    },
    committed() {
      rendering = false
    },
    view(snapshot, methods, messenger) {
      const result = { ...methods } as typeof methods & IntercomState
      for (const field of [...Object.keys(snapshot), 'isBooted'] as Field[]) {
        Object.defineProperty(result, field, {
          enumerable: true,
          get: () => {
            read.add(field)
            return fieldOf(rendering ? snapshot : messenger.getSnapshot(), field)
          },
        })
      }
      return result
    },
  }
}
