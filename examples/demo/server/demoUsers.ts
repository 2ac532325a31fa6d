/** A user of the demo app: what its own database would hold. */
export interface DemoUser {
  id: string
  name: string
  email: string
  plan: 'Free' | 'Team' | 'Business'
  /** Monthly bill in US dollars. */
  monthlySpend: number
  /** Seconds since the epoch, as Intercom's `created_at` expects. */
  createdAt: number
}

/** The three people you can sign in as; there are no passwords in the demo. */
export const demoUsers: readonly DemoUser[] = [
  {
    id: 'user_ada',
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    plan: 'Business',
    monthlySpend: 490,
    createdAt: 1_577_836_800,
  },
  {
    id: 'user_grace',
    name: 'Grace Hopper',
    email: 'grace@example.com',
    plan: 'Team',
    monthlySpend: 99,
    createdAt: 1_609_459_200,
  },
  {
    id: 'user_alan',
    name: 'Alan Turing',
    email: 'alan@example.com',
    plan: 'Free',
    monthlySpend: 0,
    createdAt: 1_640_995_200,
  },
]

/** Looks a demo user up by id; `undefined` for anyone else. */
export function findDemoUser(id: unknown): DemoUser | undefined {
  return demoUsers.find((user) => user.id === id)
}
