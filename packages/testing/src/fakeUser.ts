import type { FakeUser } from './types'

/** Fields that make a boot identified, so the workspace's identity rules apply. */
export const identityFields = ['user_id', 'email', 'intercom_user_jwt', 'user_hash'] as const

/** A setting that is a non-empty string, else `undefined`. */
export const text = (value: unknown) =>
  typeof value === 'string' && value !== '' ? value : undefined

/** Who a boot's settings name, as the fake reports a user it did not verify. */
export function userFrom(settings: Record<string, unknown>): FakeUser {
  const email = text(settings.email)
  const name = text(settings.name)
  return {
    userId: text(settings.user_id) ?? null,
    ...(email !== undefined && { email }),
    ...(name !== undefined && { name }),
  }
}
