import { z } from 'zod'

/**
 * Practice or real: whether the app works against the practice simulator or against Meta
 * (docs/architecture.md › Practice mode). The one name for the idea in every layer — the app
 * status, the connection, the admin session, the per-mode Graph endpoints. Vault records and runs
 * keep a boolean `practice` ("made in practice mode"); `modeOf` reads it as a mode.
 */
export const AppMode = z.enum(['practice', 'real'])
export type AppMode = z.infer<typeof AppMode>

/** The mode a record or run with `practice: boolean` was made in. */
export const modeOf = (practice: boolean): AppMode => (practice ? 'practice' : 'real')
