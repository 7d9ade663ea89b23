/**
 * Definition text → value, plus an index from JSON pointer (`/workflow/steps/2/command`) to where that
 * key and value stand in the file, so every later complaint can name a line and a column. YAML and JSON
 * go through the same YAML parser (JSON is YAML 1.2 flow syntax), walked once as an event stream; the
 * loader reads most JSON files through json-fast-path.ts instead and comes here only when it must.
 */
import { COLLECTION_STYLE, constructFromEvents, EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE } from 'js-yaml'
import type { Event, ScalarEvent } from 'js-yaml'
import type { Result } from '../util/result.js'
import { err, ok } from '../util/result.js'

/** A 1-based line and column. */
export interface Position {
  readonly line: number
  readonly column: number
}

/** Where one node of the document stands. */
export interface NodeEntry {
  /** Offset of the mapping key naming this node (its opening quote, if quoted); absent for array items. */
  readonly keyOffset?: number
  /** Offset where the value starts (the opening quote, `[`, `{`, `-` item, `|` content, …). */
  readonly valueOffset: number
  /** The scalar event, when the value is a scalar: lets columns inside the string be mapped to the file. */
  readonly scalar?: ScalarEvent
}

export interface ParseLimits {
  /** Nesting depth of collections. */
  readonly maxDepth: number
  /** Alias nodes (`*ref`) per document. */
  readonly maxAliases: number
  /** Nodes that aliases may add once expanded: what an alias bomb inflates. */
  readonly maxAliasExpansion: number
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxDepth: 64, maxAliases: 100, maxAliasExpansion: 10_000 }

export interface ParseFailure {
  readonly message: string
  readonly position: Position
}

export interface ParsedDocument {
  readonly value: unknown
  readonly map: SourceIndex
}

/**
 * What diagnostics ask of a parsed file: where a pointer's key and value stand, and where a column of a
 * string value stands. SourceMap answers from a full index; the JSON fast path (json-fast-path.ts)
 * answers the few questions a valid file asks from a small one and builds the full one only if needed.
 */
export interface SourceIndex {
  readonly file: string
  /** The entry recorded exactly at `pointer` (none under aliases or for a missing key). */
  entry(pointer: string): NodeEntry | undefined
  /** The nearest recorded node at or above `pointer`, with the pointer it was found at. */
  nearest(pointer: string): { readonly pointer: string; readonly entry: NodeEntry } | undefined
  position(offset: number): Position
  /** Where 1-based `column` of the string at `pointer` stands, when that can be known. */
  positionInString(pointer: string, column: number): Position | undefined
  /** The decoded text of the scalar at `pointer`, if one is recorded there. */
  scalarText(pointer: string): string | undefined
}

/** Escapes one JSON-pointer segment (RFC 6901), the same way ajv's `instancePath` does. */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1')
}

/** The pointer one level up; the root's parent is undefined. */
export function parentPointer(pointer: string): string | undefined {
  if (pointer === '') return undefined
  return pointer.slice(0, pointer.lastIndexOf('/'))
}

/** Line starts of a text, for turning offsets into 1-based lines and columns. */
export class LineIndex {
  readonly #lineStarts: readonly number[]

  constructor(text: string) {
    this.#lineStarts = lineStarts(text)
  }

  position(offset: number): Position {
    let low = 0
    let high = this.#lineStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((this.#lineStarts[middle] as number) <= offset) low = middle
      else high = middle - 1
    }
    return { line: low + 1, column: offset - (this.#lineStarts[low] as number) + 1 }
  }
}

/** The location index of one parsed file. */
export class SourceMap implements SourceIndex {
  readonly file: string
  readonly text: string
  readonly #entries: ReadonlyMap<string, NodeEntry>
  readonly #lines: LineIndex

  constructor(file: string, text: string, entries: ReadonlyMap<string, NodeEntry>) {
    this.file = file
    this.text = text
    this.#entries = entries
    this.#lines = new LineIndex(text)
  }

  /** The entry recorded exactly at `pointer` (none under aliases or for a missing key). */
  entry(pointer: string): NodeEntry | undefined {
    return this.#entries.get(pointer)
  }

  /** The nearest recorded node at or above `pointer`, with the pointer it was found at. */
  nearest(pointer: string): { readonly pointer: string; readonly entry: NodeEntry } | undefined {
    for (let p: string | undefined = pointer; p !== undefined; p = parentPointer(p)) {
      const entry = this.#entries.get(p)
      if (entry) return { pointer: p, entry }
    }
    return undefined
  }

  position(offset: number): Position {
    return this.#lines.position(offset)
  }

  /**
   * Where 1-based `column` of the string at `pointer` stands in the file, when the string's text in the
   * file can be mapped character by character: one-line plain, single- and double-quoted scalars
   * (escapes accounted for), and literal `|` blocks (line by line, after the block's indentation).
   * Folded `>` blocks and multi-line quoted strings fold lines, so they give undefined (callers fall back
   * to the value's start).
   */
  positionInString(pointer: string, column: number): Position | undefined {
    const scalar = this.#entries.get(pointer)?.scalar
    if (!scalar) return undefined
    const offset = offsetInScalar(this.text, scalar, column - 1)
    return offset === undefined ? undefined : this.position(offset)
  }

  /** The decoded text of the scalar at `pointer`, if one is recorded there. */
  scalarText(pointer: string): string | undefined {
    const scalar = this.#entries.get(pointer)?.scalar
    return scalar ? getScalarValue(this.text, scalar) : undefined
  }
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = 0; i < text.length; i++) if (isLineEnd(text, i)) starts.push(i + 1)
  return starts
}

/** YAML ends a line at LF, at CRLF (on its LF) and at a lone CR. */
function isLineEnd(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  return c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)
}

/** File offset of the character at `index` of a scalar's decoded value, where it can be known. */
function offsetInScalar(text: string, scalar: ScalarEvent, index: number): number | undefined {
  const raw = text.slice(scalar.valueStart, scalar.valueEnd)
  switch (scalar.style) {
    case SCALAR_STYLE.PLAIN:
      return raw.includes('\n') ? undefined : scalar.valueStart + Math.min(index, raw.length)
    case SCALAR_STYLE.SINGLE_QUOTED:
      return raw.includes('\n') ? undefined : scalar.valueStart + rawIndex(raw, index, singleQuotedWidth)
    case SCALAR_STYLE.DOUBLE_QUOTED:
      return raw.includes('\n') ? undefined : scalar.valueStart + rawIndex(raw, index, doubleQuotedWidth)
    case SCALAR_STYLE.LITERAL_BLOCK:
      return literalBlockOffset(text, scalar, index)
    case SCALAR_STYLE.FOLDED_BLOCK:
      return undefined
    default:
      return undefined
  }
}

/** How many raw characters, and decoded characters, the escape or character at `i` stands for. */
type CharWidth = (raw: string, i: number) => { readonly raw: number; readonly decoded: number }

const singleQuotedWidth: CharWidth = (raw, i) => (raw[i] === "'" && raw[i + 1] === "'" ? { raw: 2, decoded: 1 } : { raw: 1, decoded: 1 })

const doubleQuotedWidth: CharWidth = (raw, i) => {
  if (raw[i] !== '\\') return { raw: 1, decoded: 1 }
  switch (raw[i + 1]) {
    case 'x':
      return { raw: 4, decoded: 1 }
    case 'u':
      return { raw: 6, decoded: 1 }
    case 'U': {
      const codePoint = Number.parseInt(raw.slice(i + 2, i + 10), 16)
      return { raw: 10, decoded: codePoint > 0xffff ? 2 : 1 }
    }
    default:
      return { raw: 2, decoded: 1 }
  }
}

function rawIndex(raw: string, decodedIndex: number, width: CharWidth): number {
  let rawPosition = 0
  let decoded = 0
  while (rawPosition < raw.length) {
    const w = width(raw, rawPosition)
    if (decoded + w.decoded > decodedIndex) break
    decoded += w.decoded
    rawPosition += w.raw
  }
  return Math.min(rawPosition, raw.length)
}

/** Literal blocks keep lines as written: line k of the value is content line k of the block. */
function literalBlockOffset(text: string, scalar: ScalarEvent, index: number): number | undefined {
  const value = getScalarValue(text, scalar)
  const before = value.slice(0, index)
  const lineOfValue = before.split('\n').length - 1
  const columnInLine = index - (before.lastIndexOf('\n') + 1)
  let lineStart = scalar.valueStart
  for (let k = 0; k < lineOfValue; k++) {
    const next = text.indexOf('\n', lineStart)
    if (next === -1 || next >= scalar.valueEnd) return undefined
    lineStart = next + 1
  }
  const indent = indentationOf(text, lineStart)
  return lineStart + indent + columnInLine
}

function indentationOf(text: string, lineStart: number): number {
  let i = lineStart
  while (text[i] === ' ') i++
  return i - lineStart
}

/** Where a node's text begins: quoted scalars include their opening quote. */
function nodeOffset(event: Event, text: string): number {
  switch (event.type) {
    case EVENT_ID.SCALAR:
      return scalarStart(event, text)
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return event.start
    case EVENT_ID.ALIAS:
      return Math.max(0, event.anchorStart - 1)
    default:
      return 0
  }
}

function scalarStart(event: ScalarEvent, text: string): number {
  // An empty value (`key:` with nothing after it) has no text: its anchor or tag, else unknown (-1).
  if (event.valueStart < 0) return event.anchorStart >= 0 ? event.anchorStart - 1 : event.tagStart
  if (event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED) return Math.max(0, event.valueStart - 1)
  if (event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK) {
    // valueStart is the first content line's start; point at its first non-space character.
    return event.valueStart + indentationOf(text, event.valueStart)
  }
  return event.valueStart
}

interface Frame {
  readonly kind: 'mapping' | 'sequence' | 'skipped'
  readonly pointer: string
  readonly anchor?: string
  /** Nodes inside, counted for alias expansion. */
  size: number
  itemIndex: number
  /** In a mapping: the key just read, waiting for its value; `null` when the key is not a plain string. */
  pendingKey?: { readonly segment: string | null; readonly offset: number }
}

/**
 * Parses one YAML or JSON document and indexes it by JSON pointer in the same walk. Every parse problem
 * (syntax, duplicate key, unknown tag, too deep, too many aliases, alias expansion, several documents, an
 * empty file) comes back as a located failure.
 */
export function parseDocument(
  text: string,
  file: string,
  syntax: 'yaml' | 'json',
  limits: ParseLimits = DEFAULT_PARSE_LIMITS
): Result<ParsedDocument, ParseFailure> {
  let events: Event[]
  try {
    events = parseEvents(text, { filename: file, maxDepth: limits.maxDepth })
  } catch (error: unknown) {
    return err(yamlFailure(error))
  }
  if (syntax === 'json') {
    const notJson = firstNonJsonNode(events, text)
    if (notJson) return err(notJson)
  }
  const walked = indexEvents(events, text, limits)
  if (!walked.ok) return err(walked.error)
  if (syntax === 'json' && events.length > 0) {
    // What the event walk cannot see (comments, trailing commas) JSON.parse still rejects.
    try {
      JSON.parse(text)
    } catch (error: unknown) {
      return err(jsonParseFailure(error, text))
    }
  }
  let documents: unknown[]
  try {
    documents = constructFromEvents(events, { source: text, filename: file, maxAliases: limits.maxAliases })
  } catch (error: unknown) {
    return err(yamlFailure(error))
  }
  if (documents.length === 0) return err({ message: 'the file is empty', position: { line: 1, column: 1 } })
  return ok({ value: documents[0], map: new SourceMap(file, text, walked.value) })
}

const JSON_PLAIN_SCALAR = /^(-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?|true|false|null)$/

/**
 * A `.json` file is parsed by the YAML parser for its locations, but must not lean on YAML-only syntax:
 * block collections, unquoted or single-quoted strings, anchors, aliases and tags.
 */
function firstNonJsonNode(events: readonly Event[], text: string): ParseFailure | undefined {
  for (const event of events) {
    let problem: string | undefined
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
      case EVENT_ID.POP:
        break
      case EVENT_ID.ALIAS:
        problem = 'YAML aliases are not JSON'
        break
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        if (event.style !== COLLECTION_STYLE.FLOW) problem = 'YAML block syntax is not JSON'
        else if (event.anchorStart >= 0 || event.tagStart >= 0) problem = 'YAML anchors and tags are not JSON'
        break
      case EVENT_ID.SCALAR: {
        const raw = text.slice(event.valueStart, event.valueEnd)
        if (event.anchorStart >= 0 || event.tagStart >= 0) problem = 'YAML anchors and tags are not JSON'
        else if (event.style === SCALAR_STYLE.PLAIN && !JSON_PLAIN_SCALAR.test(raw)) problem = `unexpected '${raw.slice(0, 20)}': strings must be double-quoted`
        else if (event.style !== SCALAR_STYLE.PLAIN && event.style !== SCALAR_STYLE.DOUBLE_QUOTED) problem = 'strings must be double-quoted'
        break
      }
      default:
        break
    }
    if (problem !== undefined) return { message: `JSON syntax error: ${problem}`, position: positionOf(text, nodeOffset(event, text)) }
  }
  return undefined
}

/** Newer V8 messages carry `(line L column C)` or `at position N`; without either, the file's start. */
function jsonParseFailure(error: unknown, text: string): ParseFailure {
  const message = error instanceof Error ? error.message : String(error)
  const lineColumn = /line (\d+) column (\d+)/.exec(message)
  if (lineColumn) return { message: `JSON syntax error: ${message}`, position: { line: Number(lineColumn[1]), column: Number(lineColumn[2]) } }
  const position = /position (\d+)/.exec(message)
  const offset = position ? Number(position[1]) : 0
  return { message: `JSON syntax error: ${message}`, position: positionOf(text, offset) }
}

function yamlFailure(error: unknown): ParseFailure {
  if (typeof error === 'object' && error !== null && 'reason' in error && typeof error.reason === 'string') {
    const mark = 'mark' in error ? (error.mark as { line?: unknown; column?: unknown } | undefined) : undefined
    const line = typeof mark?.line === 'number' ? mark.line + 1 : 1
    const column = typeof mark?.column === 'number' ? mark.column + 1 : 1
    return { message: error.reason, position: { line, column } }
  }
  return { message: error instanceof Error ? error.message : String(error), position: { line: 1, column: 1 } }
}

function indexEvents(events: readonly Event[], text: string, limits: ParseLimits): Result<Map<string, NodeEntry>, ParseFailure> {
  const entries = new Map<string, NodeEntry>()
  const anchorSizes = new Map<string, number>()
  const stack: Frame[] = []
  let documentCount = 0
  let aliasExpansion = 0
  /** Where the last node stood: the place of a node that has no text of its own. */
  let lastOffset = 0
  /** Anchors of collections still open: an alias to one of them would make the value contain itself. */
  const openAnchors = new Set<string>()
  const at = (offset: number): Position => positionOf(text, offset)

  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) {
      documentCount++
      if (documentCount > 1) {
        const next = events[events.indexOf(event) + 1]
        const nextOffset = next ? nodeOffset(next, text) : text.length
        return err({ message: 'a definition file holds one YAML document; found a second one', position: at(nextOffset >= 0 ? nextOffset : lastOffset) })
      }
      stack.push({ kind: 'skipped', pointer: '', size: 0, itemIndex: 0 })
      continue
    }
    if (event.type === EVENT_ID.POP) {
      const frame = stack.pop()
      const parent = stack[stack.length - 1]
      if (frame && parent) parent.size += frame.size
      if (frame?.anchor !== undefined) {
        anchorSizes.set(frame.anchor, frame.size)
        openAnchors.delete(frame.anchor)
      }
      continue
    }
    const parent = stack[stack.length - 1]
    if (!parent) continue
    const known = nodeOffset(event, text)
    const offset = known >= 0 ? known : (parent.pendingKey?.offset ?? lastOffset)
    lastOffset = offset
    const anchor = 'anchorStart' in event && event.anchorStart >= 0 && event.type !== EVENT_ID.ALIAS ? text.slice(event.anchorStart, event.anchorEnd) : undefined

    if (event.type === EVENT_ID.ALIAS) {
      const name = text.slice(event.anchorStart, event.anchorEnd)
      if (openAnchors.has(name)) {
        return err({ message: `alias *${name} stands inside the node it names: a definition cannot contain itself`, position: at(offset) })
      }
      const added = anchorSizes.get(name) ?? 1
      aliasExpansion += added
      if (aliasExpansion > limits.maxAliasExpansion) {
        return err({ message: `aliases expand to more than ${limits.maxAliasExpansion} nodes (a YAML alias bomb?)`, position: at(offset) })
      }
      parent.size += added
    } else {
      parent.size += 1
    }

    // A mapping alternates key, value; a key that is not a scalar gets its subtree skipped.
    if (parent.kind === 'mapping' && parent.pendingKey === undefined) {
      const segment = event.type === EVENT_ID.SCALAR ? pointerSegment(getScalarValue(text, event)) : null
      parent.pendingKey = { segment, offset }
      if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) stack.push({ kind: 'skipped', pointer: '', size: 0, itemIndex: 0 })
      continue
    }

    let pointer: string | null = null
    let keyOffset: number | undefined
    if (parent.kind === 'mapping' && parent.pendingKey) {
      pointer = parent.pendingKey.segment === null ? null : `${parent.pointer}/${parent.pendingKey.segment}`
      keyOffset = parent.pendingKey.offset
      parent.pendingKey = undefined
    } else if (parent.kind === 'sequence') {
      pointer = `${parent.pointer}/${parent.itemIndex}`
      parent.itemIndex++
    } else if (stack.length === 1 && !entries.has('')) {
      pointer = ''
    }

    if (pointer !== null) {
      const entry: NodeEntry = {
        ...(keyOffset !== undefined ? { keyOffset } : {}),
        valueOffset: offset,
        ...(event.type === EVENT_ID.SCALAR ? { scalar: event } : {}),
      }
      entries.set(pointer, entry)
    }
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) {
      const kind = pointer === null ? 'skipped' : event.type === EVENT_ID.MAPPING ? 'mapping' : 'sequence'
      stack.push({ kind, pointer: pointer ?? '', size: 0, itemIndex: 0, ...(anchor !== undefined ? { anchor } : {}) })
      if (anchor !== undefined) openAnchors.add(anchor)
    } else if (anchor !== undefined) {
      anchorSizes.set(anchor, 1)
      openAnchors.delete(anchor)
    }
  }
  return ok(entries)
}

function positionOf(text: string, at: number): Position {
  // A node without text of its own (an empty value) has no offset; the file's start beats column 0.
  const offset = Math.max(0, at)
  let line = 1
  let lineStart = 0
  for (let i = 0; i < offset && i < text.length; i++) {
    if (!isLineEnd(text, i)) continue
    line++
    lineStart = i + 1
  }
  return { line, column: offset - lineStart + 1 }
}
