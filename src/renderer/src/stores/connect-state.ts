import type { BusinessSummary, PreflightReport } from '@shared/ipc/schemas/connect'
import type { AppMode } from '@shared/ipc/schemas/mode'
import type { AppError } from '@shared/result'
import type { ConnectScreen } from '../connect/connect-flow'
import type { ConnectField, FieldErrors } from '../connect/connect-validation'
import type { MessageKey } from '../i18n/message-key'
import { IDLE, type LoadState } from './load-state'

/** The state of the Connect step (its store and actions live in connect-store.ts). */

/** The request in flight, if any: the screens disable what would start a second one. */
export type ConnectActivity =
  'idle' | 'signing-in' | 'cancelling' | 'pasting' | 'choosing' | 'disconnecting'

/** The element that should take focus next (WCAG 2.4.3); it takes it, then calls focusHandled. */
export type ConnectFocusTarget =
  | ConnectField
  | 'screen-heading'
  | 'error'
  | 'start'
  | 'sign-in'
  | 'cancel-sign-in'
  | 'businesses'
  | 'disconnect-question'
  | 'disconnect'

export interface BusinessList {
  readonly businesses: readonly BusinessSummary[]
  readonly rememberedBusinessId: string | null
}

export interface ConnectState {
  readonly screen: ConnectScreen
  readonly mode: AppMode
  readonly appId: string
  /**
   * The app secret and a pasted token live here only while the admin types them: the action that
   * sends one clears it in the same update, whatever the answer, and leaving the flow clears both
   * (docs/architecture.md › Secrets: the renderer never holds a secret at rest).
   */
  readonly appSecret: string
  readonly token: string
  readonly fieldErrors: FieldErrors
  readonly activity: ConnectActivity
  /** The last failed action, shown translated in the screen's alert region. */
  readonly error: AppError | null
  /** A calm one-off announcement (sign-in cancelled, disconnected) for the polite live region. */
  readonly notice: MessageKey | null
  readonly businesses: LoadState<BusinessList>
  readonly selectedBusinessId: string | null
  readonly choiceProblem: MessageKey | null
  readonly preflight: LoadState<PreflightReport>
  /** "Check again" is running: the last report stays on screen (and focus on the button). */
  readonly preflightChecking: boolean
  readonly confirmingDisconnect: boolean
  readonly focusTarget: ConnectFocusTarget | null
}

export const INITIAL_CONNECT_STATE: ConnectState = {
  screen: 'overview',
  mode: 'practice',
  appId: '',
  appSecret: '',
  token: '',
  fieldErrors: {},
  activity: 'idle',
  error: null,
  notice: null,
  businesses: IDLE,
  selectedBusinessId: null,
  choiceProblem: null,
  preflight: IDLE,
  preflightChecking: false,
  confirmingDisconnect: false,
  focusTarget: null,
}
