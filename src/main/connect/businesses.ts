import { z } from 'zod'
import type { BusinessSummary } from '@shared/ipc/schemas/connect'
import type { Result } from '@shared/result'
import type { GraphClient, GraphCredentials } from '../graph/client'
import { listAll } from '../graph/paginate'
import { mapResult } from '../graph/resource'

/**
 * The admin's business portfolios for the picker: `GET /me/businesses` (docs/graph-api.md §2.1),
 * every page, with the verification status the picker shows. The Graph module's listMyBusinesses
 * asks for roles only; asking for the status in the same list call saves one call per portfolio.
 */
const Node = z.object({
  id: z.string(),
  name: z.string(),
  verification_status: z.string().optional(),
})

/** Meta omits the field for some portfolios; the picker then says it is not known. */
export const UNKNOWN_VERIFICATION = 'unknown'

/** Longest name or status kept: the IPC schema's bound for short texts. */
const MAX_TEXT = 200

export async function listBusinessSummaries(
  client: GraphClient,
  credentials: GraphCredentials,
  signal?: AbortSignal,
): Promise<Result<BusinessSummary[]>> {
  const listed = await listAll(
    client,
    {
      path: 'me/businesses',
      params: { fields: 'id,name,verification_status' },
      credentials,
      ...(signal ? { signal } : {}),
    },
    Node,
  )
  return mapResult(listed, ({ items }) =>
    items.map((node) => ({
      id: node.id.slice(0, MAX_TEXT),
      name: node.name.slice(0, MAX_TEXT),
      verificationStatus: (node.verification_status ?? UNKNOWN_VERIFICATION).slice(0, MAX_TEXT),
    })),
  )
}
