import type { MessageKey } from '../i18n/message-key'

/** One step of Meta Business Suite's flow, with the plain-language words the app uses for it. */
export interface SetupStep {
  readonly number: number
  readonly titleKey: MessageKey
  /** Meta's own name for the step (Business Help Center, "Add system users"). */
  readonly metaKey: MessageKey
  readonly bodyKey: MessageKey
}

/**
 * The eight steps of Settings › Users › System users, in Meta's order
 * (docs/architecture.md › Meta's eight steps), so an admin who has read Meta's guide recognises
 * every step.
 */
export const SETUP_STEPS: readonly SetupStep[] = [
  {
    number: 1,
    titleKey: 'setup.step1.title',
    metaKey: 'setup.step1.meta',
    bodyKey: 'setup.step1.body',
  },
  {
    number: 2,
    titleKey: 'setup.step2.title',
    metaKey: 'setup.step2.meta',
    bodyKey: 'setup.step2.body',
  },
  {
    number: 3,
    titleKey: 'setup.step3.title',
    metaKey: 'setup.step3.meta',
    bodyKey: 'setup.step3.body',
  },
  {
    number: 4,
    titleKey: 'setup.step4.title',
    metaKey: 'setup.step4.meta',
    bodyKey: 'setup.step4.body',
  },
  {
    number: 5,
    titleKey: 'setup.step5.title',
    metaKey: 'setup.step5.meta',
    bodyKey: 'setup.step5.body',
  },
  {
    number: 6,
    titleKey: 'setup.step6.title',
    metaKey: 'setup.step6.meta',
    bodyKey: 'setup.step6.body',
  },
  {
    number: 7,
    titleKey: 'setup.step7.title',
    metaKey: 'setup.step7.meta',
    bodyKey: 'setup.step7.body',
  },
  {
    number: 8,
    titleKey: 'setup.step8.title',
    metaKey: 'setup.step8.meta',
    bodyKey: 'setup.step8.body',
  },
]
