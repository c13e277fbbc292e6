import { graphErrors } from './errors'

/** Request parameters, merged from the query string and the body (the body wins, as in Graph). */
export type Params = ReadonlyMap<string, string>

/** Parses `a=1&b=2`, folding `name[]=x` / `name[0]=x` repeats into one JSON-array string. */
export function parseUrlEncoded(text: string): Map<string, string> {
  return fold(new URLSearchParams(text).entries())
}

function fold(entries: Iterable<[string, string]>): Map<string, string> {
  const out = new Map<string, string>()
  const lists = new Map<string, string[]>()
  for (const [key, value] of entries) {
    const list = /^([^[\]]+)\[\d*\]$/.exec(key)
    if (list?.[1]) {
      const items = lists.get(list[1]) ?? []
      items.push(value)
      lists.set(list[1], items)
    } else {
      out.set(key, value)
    }
  }
  for (const [key, items] of lists) out.set(key, JSON.stringify(items))
  return out
}

/** Graph accepts JSON bodies too; non-string values travel on as their JSON text. */
function parseJsonBody(text: string): Map<string, string> {
  const out = new Map<string, string>()
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw graphErrors.invalidParam('Invalid JSON in the request body')
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return out
  for (const [key, value] of Object.entries(parsed)) {
    if (value === undefined || value === null) continue
    out.set(key, typeof value === 'string' ? value : JSON.stringify(value))
  }
  return out
}

/**
 * Minimal multipart/form-data reader for text fields (what `curl -F` sends, docs/graph-api.md §1).
 */
function parseMultipart(text: string, boundary: string): Map<string, string> {
  const entries: [string, string][] = []
  for (const part of text.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n')
    if (split < 0) continue
    const name = /name="([^"]*)"/i.exec(part.slice(0, split))?.[1]
    if (name === undefined) continue
    entries.push([name, part.slice(split + 4).replace(/\r\n$/, '')])
  }
  return fold(entries)
}

/** Reads the body by its content type; unknown types are read as form fields. */
export function parseBody(contentType: string | undefined, text: string): Map<string, string> {
  if (!text) return new Map()
  const type = (contentType ?? '').toLowerCase()
  if (type.includes('application/json')) return parseJsonBody(text)
  if (type.includes('multipart/form-data')) {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1]
    return boundary ? parseMultipart(text, boundary) : new Map<string, string>()
  }
  return parseUrlEncoded(text)
}

export function mergeParams(...sources: ReadonlyMap<string, string>[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const source of sources) for (const [k, v] of source) out.set(k, v)
  return out
}

export function param(params: Params, name: string): string | undefined {
  const value = params.get(name)
  return value === undefined || value === '' ? undefined : value
}

export function requireParam(params: Params, name: string): string {
  const value = param(params, name)
  if (value === undefined) throw graphErrors.missingParam(name)
  return value
}

/** Graph booleans: true/false, 1/0. */
export function boolParam(params: Params, name: string): boolean | undefined {
  const value = param(params, name)?.toLowerCase()
  if (value === undefined) return undefined
  if (value === 'true' || value === '1') return true
  if (value === 'false' || value === '0') return false
  throw graphErrors.invalidParam(`Param ${name} must be a boolean`)
}

/**
 * List parameters as Graph takes them (docs/graph-api.md §1): a JSON array (`["MANAGE"]`), the
 * single-quoted form in Meta's samples (`['MANAGE','ADVERTISE']`), or a comma list
 * (`MANAGE,ADVERTISE`).
 */
export function parseList(raw: string): string[] {
  const text = raw.trim()
  if (text.startsWith('[')) {
    for (const candidate of [text, text.replace(/'/g, '"')]) {
      try {
        const parsed: unknown = JSON.parse(candidate)
        if (Array.isArray(parsed)) return parsed.map((item) => String(item).trim()).filter(Boolean)
      } catch {
        // try the next form
      }
    }
    return splitComma(text.slice(1, text.endsWith(']') ? -1 : undefined))
  }
  return splitComma(text)
}

function splitComma(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim().replace(/^["']|["']$/g, ''))
    .filter(Boolean)
}

export function listParam(params: Params, name: string): string[] | undefined {
  const value = param(params, name)
  return value === undefined ? undefined : parseList(value)
}
