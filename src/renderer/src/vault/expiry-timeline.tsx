import { useId, type ReactNode } from 'react'
import type { Reminders } from '../stores/vault-list-store'
import { useT } from '../i18n/use-t'
import { formatDate } from './vault-format'

const DAY_MS = 24 * 60 * 60 * 1000

interface Bar {
  readonly key: string
  readonly label: string
  /** A short label under the bar; the full one is in the table and the bar's title. */
  readonly shortLabel: string
  readonly count: number
  readonly tone: 'expired' | 'soon' | 'later' | 'never'
}

// Geometry of the picture, in SVG user units (the viewBox scales it to the column).
const BAR_WIDTH = 34
const GAP = 10
const CHART_HEIGHT = 120
const LABEL_SPACE = 34
const COUNT_SPACE = 18

/**
 * The timeline picture of when tokens expire ("people would rather look than read"), drawn with
 * SVG attributes — the CSP forbids inline styles — with its numbers written above each bar, and
 * the same numbers as a table for screen readers and anyone who prefers reading (WCAG 1.1.1).
 */
export function ExpiryTimeline(props: {
  readonly timeline: Reminders['timeline']
  readonly now: number
}): ReactNode {
  const t = useT()
  const titleId = useId()
  const descriptionId = useId()
  const { timeline } = props
  const soonLimitDays = 14
  const bars: Bar[] = [
    {
      key: 'expired',
      label: t('vault.timeline.expired'),
      shortLabel: t('vault.timeline.expired'),
      count: timeline.expired.length,
      tone: 'expired',
    },
    ...timeline.buckets.map((bucket): Bar => {
      const date = formatDate(new Date(props.now + bucket.fromDay * DAY_MS).toISOString())
      return {
        key: `b${bucket.fromDay}`,
        label: t('vault.timeline.week', { date }),
        shortLabel: date.replace(/,? \d{4}$/, ''),
        count: bucket.recordIds.length,
        tone: bucket.fromDay < soonLimitDays ? 'soon' : 'later',
      }
    }),
    {
      key: 'later',
      label: t('vault.timeline.later'),
      shortLabel: t('vault.timeline.later'),
      count: timeline.later.length,
      tone: 'later',
    },
    {
      key: 'never',
      label: t('vault.timeline.never'),
      shortLabel: t('vault.timeline.never'),
      count: timeline.never.length,
      tone: 'never',
    },
  ]
  const max = Math.max(1, ...bars.map((bar) => bar.count))
  const width = bars.length * (BAR_WIDTH + GAP) + GAP
  const height = COUNT_SPACE + CHART_HEIGHT + LABEL_SPACE
  const weeks = Math.round(timeline.horizonDays / timeline.bucketDays)
  const soon = timeline.buckets
    .filter((bucket) => bucket.fromDay < soonLimitDays)
    .reduce((sum, bucket) => sum + bucket.recordIds.length, 0)
  const laterCount =
    timeline.later.length +
    timeline.buckets
      .filter((bucket) => bucket.fromDay >= soonLimitDays)
      .reduce((sum, bucket) => sum + bucket.recordIds.length, 0)

  return (
    <section className="card timeline" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('vault.timeline.heading')}</h2>
      <p id={descriptionId} className="section-intro">
        {t('vault.timeline.summary', {
          expired: timeline.expired.length,
          soon,
          later: laterCount,
          never: timeline.never.length,
        })}{' '}
        {t('vault.timeline.description', { weeks })}
      </p>
      <svg
        className="timeline__chart"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${titleId} ${descriptionId}`}
        preserveAspectRatio="xMinYMid meet"
      >
        <line
          className="timeline__axis"
          x1={0}
          x2={width}
          y1={COUNT_SPACE + CHART_HEIGHT}
          y2={COUNT_SPACE + CHART_HEIGHT}
        />
        {bars.map((bar, index) => {
          const x = GAP + index * (BAR_WIDTH + GAP)
          const barHeight = bar.count === 0 ? 0 : Math.max(4, (bar.count / max) * CHART_HEIGHT)
          const y = COUNT_SPACE + CHART_HEIGHT - barHeight
          return (
            <g key={bar.key} className={`timeline__bar timeline__bar--${bar.tone}`}>
              <title>{t('vault.timeline.barLabel', { period: bar.label, count: bar.count })}</title>
              <rect x={x} y={y} width={BAR_WIDTH} height={barHeight} rx={3} />
              <text className="timeline__count" x={x + BAR_WIDTH / 2} y={y - 5} textAnchor="middle">
                {bar.count}
              </text>
              <text
                className="timeline__label"
                x={x + BAR_WIDTH / 2}
                y={COUNT_SPACE + CHART_HEIGHT + 16}
                textAnchor="middle"
              >
                {bar.shortLabel}
              </text>
            </g>
          )
        })}
      </svg>
      <details className="timeline__details">
        <summary>{t('vault.timeline.tableToggle')}</summary>
        <table className="timeline__table">
          <caption>{t('vault.timeline.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('vault.timeline.period')}</th>
              <th scope="col">{t('vault.timeline.count')}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.key}>
                <th scope="row">{bar.label}</th>
                <td>{bar.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  )
}
