import fc from 'fast-check'
import type * as MainLinksModule from '../../../src/main/connect'
import type * as RendererLinksModule from '../../../src/renderer/src/connect/meta-links'
import { importFromTree } from '../preload-runtime'

/**
 * The positive control of SEC-05, taken from the app itself: the links its code builds, loaded
 * from the tree being checked, so a pattern list that forgets one of them turns the gate red
 * (and a link added without a pattern does too). Built with random Graph ids, digits as Meta's are.
 */

export interface AppLinks {
  /** The renderer's fixed links and main's builders with one sample id. */
  readonly fixed: readonly string[]
  /** Main's builders over generated ids. */
  readonly generated: fc.Arbitrary<string>
}

/**
 * flow/overview.ts builds its "delete a system user" help link inline; restated here with the
 * same shape (a change there shows as an allowed-not-opened finding only if this is updated).
 */
const overviewDeleteHelp = (businessId: string) =>
  `https://business.facebook.com/settings/system-users?business_id=${encodeURIComponent(businessId)}`

const graphId = fc.stringMatching(/^[1-9][0-9]{0,16}$/)

export async function loadAppLinks(root: string): Promise<AppLinks> {
  const [main, renderer] = await Promise.all([
    importFromTree<typeof MainLinksModule>(root, 'src/main/connect/index.ts'),
    importFromTree<typeof RendererLinksModule>(root, 'src/renderer/src/connect/meta-links.ts'),
  ])
  const builders: ((id: string) => string)[] = [
    ...Object.values(main.metaLinks),
    overviewDeleteHelp,
  ]
  return {
    fixed: [
      ...Object.values(renderer.META_LINKS),
      ...builders.map((build) => build('1234567890123456')),
    ],
    generated: fc.tuple(fc.constantFrom(...builders), graphId).map(([build, id]) => build(id)),
  }
}
