import type { BootSettings } from '@verified-messenger/react'
import type { DemoUser } from '../server/demoUsers'

/** What the app tells Intercom about a user; the identity endpoint vouches for `userId`. */
export function bootSettingsFor(user: DemoUser): BootSettings {
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    createdAt: user.createdAt,
    customAttributes: { plan: user.plan, monthly_spend: user.monthlySpend },
  }
}
