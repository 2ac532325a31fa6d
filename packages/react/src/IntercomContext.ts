import type { Messenger } from '@verified-messenger/core'
import { createContext } from 'react'

/** Carries the one Messenger an `IntercomProvider` owns; `null` outside any provider. */
export const IntercomContext = createContext<Messenger | null>(null)
