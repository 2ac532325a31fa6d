// The matrix differential.test.ts plays with the old and the new kernel, and what each run leaves.

export const CONSENTS = ['granted', 'pending-granted', 'pending-denied', 'granted-revoked'] as const
export const ANSWERS = ['none', 'jwt', 'hash', '204', '500-then-200', 'mismatch'] as const
export const SCRIPTS = ['on-page', 'loads', 'fails'] as const
export const TIMINGS = ['nothing', 'sign-out', 'switch', 'shutdown', 'renewal'] as const

export interface Scenario {
  consent: (typeof CONSENTS)[number]
  answer: (typeof ANSWERS)[number]
  script: (typeof SCRIPTS)[number]
  timing: (typeof TIMINGS)[number]
  /**
   * The page was rendered with A's identity (`initialIdentity`), and the boot uses it at once (`fresh`),
   * after 61 s of pending consent (`late`), or after a signOut() on this page (`after-sign-out`).
   */
  rendered?: 'fresh' | 'late' | 'after-sign-out'
}

export type Call = [name: string, ...args: unknown[]]

/** Everything a run left that an app or Intercom can observe. */
export interface Outcome {
  calls: Call[]
  stub: Call[]
  /** `intercomSettings` after each step of the script. */
  settings: [string, unknown][]
  snapshots: unknown[]
  /** How each promise the app got (boot, ready, signOut) settled and by which step; getVisitorId at the end. */
  settled: string[]
  identityRequests: number
}
