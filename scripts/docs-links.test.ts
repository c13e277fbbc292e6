import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  anchorsOf,
  findDocProblems,
  formatProblems,
  githubSlug,
  listRepoFiles,
  sectionsOf,
} from './docs-links'

const ROOT = resolve(import.meta.dirname, '..')
const SIGN = '\u00a7'

describe('the documentation in this repository', () => {
  const files = listRepoFiles(ROOT)

  it('finds the files to check', () => {
    expect(files).toContain('README.md')
    expect(files).toContain('docs/graph-api.md')
    expect(files).toContain('src/main/graph/client.ts')
    expect(files.some((file) => file.startsWith('node_modules/'))).toBe(false)
  })

  it('has working links and images, no references outside the repository, and valid citations', () => {
    expect(formatProblems(findDocProblems(ROOT, files))).toEqual([])
  })
})

describe('GitHub anchors and section numbers', () => {
  it('slugs headings the way GitHub does', () => {
    expect(githubSlug('2.5 Assign an asset to a system user')).toBe(
      '25-assign-an-asset-to-a-system-user',
    )
    expect(githubSlug('4.2 Generate — `POST /{system-user-id}/access_tokens`')).toBe(
      '42-generate--post-system-user-idaccess_tokens',
    )
    expect(githubSlug('Words we use')).toBe('words-we-use')
  })

  it('numbers repeated headings and reads section numbers', () => {
    const text = '# Title\n## 1. One\n### 1.2 Two\n## Notes\n## Notes\n```\n## 9. In code\n```\n'
    expect([...anchorsOf(text)]).toEqual(['title', '1-one', '12-two', 'notes', 'notes-1'])
    expect([...sectionsOf(text)]).toEqual(['1', '1.2'])
  })
})

describe('the check itself', () => {
  const fixture = mkdtempSync(join(tmpdir(), 'docs-links-'))
  afterAll(() => rmSync(fixture, { recursive: true, force: true }))

  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(fixture, path)), { recursive: true })
    writeFileSync(join(fixture, path), text)
  }
  // Built from parts, so this test file itself holds none of the forbidden references.
  const shared = ['..', 'shared', 'DESI' + 'GN.md'].join('/')
  const referenceFile = ['reference', 'graph-api.md'].join('/')

  write('docs/guide.md', `# Guide\n\n## 2. Steps\n\n### 2.5 Assign\n\nSee ${SIGN}2.5.\n`)
  write(
    'README.md',
    [
      '# Readme',
      '[ok](docs/guide.md) [ok anchor](docs/guide.md#25-assign) [self](#readme)',
      '![missing image](docs/screenshots/none.png)',
      '[missing file](docs/nowhere.md)',
      '[missing anchor](docs/guide.md#no-such-heading)',
      `[design](${shared})`,
      '`[in code](not-checked.md)`',
    ].join('\n'),
  )
  write(
    'src/code.ts',
    [
      `// docs/guide.md ${SIGN}2.5 and ${SIGN}2, wrapped onto`,
      `// ${SIGN}2.5 of the line before`,
      `// bare ${SIGN}8.1`,
      `// docs/guide.md ${SIGN}7.3`,
      `// ${referenceFile} ${SIGN}2.5`,
      `// (${SIGN} Connect issue)`,
      `// NIST SP 800-63B ${SIGN}5.1.1.2`,
      '// docs/guide.md \u203a Assign; docs/guide.md \u203a Missing heading',
      '// a heading cut by a line break: docs/guide.md \u203a',
      '// Assign',
    ].join('\n'),
  )
  const problems = formatProblems(
    findDocProblems(fixture, ['README.md', 'docs/guide.md', 'src/code.ts']),
  )

  it('reports each broken link, foreign reference and bad citation, and nothing else', () => {
    expect(problems).toEqual([
      'README.md:3: link to a missing file: docs/screenshots/none.png',
      'README.md:4: link to a missing file: docs/nowhere.md',
      'README.md:5: link to a missing heading: docs/guide.md#no-such-heading (no #no-such-heading in docs/guide.md)',
      `README.md:6: link leaves the repository: ${shared}`,
      'README.md:6: refers to the seed design document (use docs/architecture.md): ' +
        `[design](${shared})`,
      `README.md:6: refers to the shared design folder: [design](${shared})`,
      `README.md:6: refers to the shared folder beside the repository: [design](${shared})`,
      `src/code.ts:3: ${SIGN}8.1 names no document (write e.g. docs/graph-api.md)`,
      `src/code.ts:4: ${SIGN}7.3 is not a section of docs/guide.md`,
      `src/code.ts:5: ${SIGN}2.5 cites ${referenceFile}, which is not in the repository`,
      `src/code.ts:5: refers to a reference file outside the repository: // ${referenceFile} ${SIGN}2.5`,
      `src/code.ts:6: a section sign without a section number: // (${SIGN} Connect issue)`,
      'src/code.ts:8: "docs/guide.md \u203a Missing heading" names no heading of docs/guide.md',
      'src/code.ts:9: "docs/guide.md \u203a" is not followed by a heading on the same line',
    ])
  })
})
