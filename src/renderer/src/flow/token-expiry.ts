import type { TokenExpiry } from '@shared/ipc/schemas/flow'
import type { MessageKey } from '../i18n/message-key'

/**
 * The expiry choices, 60 days first: Meta recommends expiring tokens (docs/user-research.md §1.5).
 */
export const TOKEN_EXPIRY_CHOICES: readonly {
  readonly expiry: TokenExpiry
  readonly labelKey: MessageKey
  readonly explanationKey: MessageKey
}[] = [
  {
    expiry: '60-days',
    labelKey: 'flow.token.expiry.60',
    explanationKey: 'flow.token.expiry.60.explanation',
  },
  {
    expiry: 'never',
    labelKey: 'flow.token.expiry.never',
    explanationKey: 'flow.token.expiry.never.explanation',
  },
]
