import type { ReactNode } from 'react'
import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { en } from '@shared/i18n/en'
import type { Messages } from '@shared/i18n/translate'
import { MessagesProvider, useT, useTranslateRuntimeKey } from './use-t'

function Probe(props: { readonly runtimeKey: string }): ReactNode {
  const t = useT()
  const tr = useTranslateRuntimeKey()
  return (
    <>
      <p>{t('shell.version', { version: '9.9.9' })}</p>
      <p>{tr(props.runtimeKey)}</p>
    </>
  )
}

describe('useT', () => {
  it('translates from English by default and fills parameters', () => {
    render(<Probe runtimeKey="errors.internal" />)
    expect(screen.getByText('Version 9.9.9')).toBeInTheDocument()
    expect(screen.getByText(en['errors.internal']!)).toBeInTheDocument()
  })

  it('reads the catalogue it is given, so another language needs no component change', () => {
    const other: Messages = { 'shell.version': 'Versie {version}', 'errors.internal': 'Fout.' }
    render(
      <MessagesProvider messages={other}>
        <Probe runtimeKey="errors.internal" />
      </MessagesProvider>,
    )
    expect(screen.getByText('Versie 9.9.9')).toBeInTheDocument()
    expect(screen.getByText('Fout.')).toBeInTheDocument()
  })

  it('shows an unknown runtime key as the key, so the gap is visible rather than blank', () => {
    render(<Probe runtimeKey="errors.notYetWritten" />)
    expect(screen.getByText('errors.notYetWritten')).toBeInTheDocument()
  })
})
