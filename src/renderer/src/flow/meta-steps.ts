import type { MessageKey } from '../i18n/message-key'

/** One step of Meta Business Suite's flow, with the plain-language words the app uses for it. */
export interface MetaStep {
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
export const META_STEPS: readonly MetaStep[] = [
  {
    number: 1,
    titleKey: 'flowHome.step1.title',
    metaKey: 'flowHome.step1.meta',
    bodyKey: 'flowHome.step1.body',
  },
  {
    number: 2,
    titleKey: 'flowHome.step2.title',
    metaKey: 'flowHome.step2.meta',
    bodyKey: 'flowHome.step2.body',
  },
  {
    number: 3,
    titleKey: 'flowHome.step3.title',
    metaKey: 'flowHome.step3.meta',
    bodyKey: 'flowHome.step3.body',
  },
  {
    number: 4,
    titleKey: 'flowHome.step4.title',
    metaKey: 'flowHome.step4.meta',
    bodyKey: 'flowHome.step4.body',
  },
  {
    number: 5,
    titleKey: 'flowHome.step5.title',
    metaKey: 'flowHome.step5.meta',
    bodyKey: 'flowHome.step5.body',
  },
  {
    number: 6,
    titleKey: 'flowHome.step6.title',
    metaKey: 'flowHome.step6.meta',
    bodyKey: 'flowHome.step6.body',
  },
  {
    number: 7,
    titleKey: 'flowHome.step7.title',
    metaKey: 'flowHome.step7.meta',
    bodyKey: 'flowHome.step7.body',
  },
  {
    number: 8,
    titleKey: 'flowHome.step8.title',
    metaKey: 'flowHome.step8.meta',
    bodyKey: 'flowHome.step8.body',
  },
]
