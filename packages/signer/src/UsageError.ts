/** Thrown by the CLI for anything the caller must fix before trying again; it exits 2. */
export class UsageError extends Error {}
