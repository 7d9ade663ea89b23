/**
 * The JSON fast path: a `.json` definition is read with `JSON.parse`, and only the few locations a valid
 * definition needs (each step, dependency and alert: the model carries them for annotations) are
 * recorded, by one scan of the text. Whatever else is asked (a diagnostic's key, a value inside a
 * step, a column in a condition) comes from the full event index of source-map.ts, built on first use.
 * A 10,000-step file is thus read without its ~60,000-entry index and js-yaml events, which were most
 * of what loading it allocated.
 *
 * The fast path only takes text it can vouch for: anything JSON.parse accepts but the YAML parser would
 * reject or read differently (duplicate keys, deep nesting, non-printable characters) goes the slow way,
 * so every diagnostic is the same as before, at the same line and column.
 */
import type { NodeEntry, ParsedDocument, ParseLimits, Position, SourceIndex } from './source-map.js'
import { LineIndex, parseDocument, pointerSegment, SourceMap } from './source-map.js'

/**
 * Containers this deep (the root is 0) are recorded: `/workflow/steps/3` is 3, `/steps/3` of a bare
 * workflow 2. Deeper nodes are only ever asked for by diagnostics.
 */
const RECORDED_DEPTH = 3

/** The YAML parser's own test (js-yaml's PATTERN_NON_PRINTABLE): such text must get its error. */
const NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/

/** The parsed document, or undefined when the text must take the slow path (parseDocument). */
export function parseJsonFast(text: string, file: string, limits: ParseLimits): ParsedDocument | undefined {
  if (NON_PRINTABLE.test(text)) return undefined
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    // The slow path says where and why, as it always did.
    return undefined
  }
  // The YAML parser counts every node towards its depth limit; stopping short of it keeps the boundary
  // case on the path that reports it.
  const entries = scanContainers(text, limits.maxDepth - 2)
  if (!entries) return undefined
  return { value, map: new JsonSourceIndex(file, text, entries) }
}

/** The recorded containers; the full index answers everything else. */
class JsonSourceIndex implements SourceIndex {
  readonly file: string
  readonly #text: string
  readonly #entries: ReadonlyMap<string, NodeEntry>
  #lines: LineIndex | null = null
  #full: SourceMap | null = null

  constructor(file: string, text: string, entries: ReadonlyMap<string, NodeEntry>) {
    this.file = file
    this.#text = text
    this.#entries = entries
  }

  entry(pointer: string): NodeEntry | undefined {
    return this.#entries.get(pointer) ?? this.#fullIndex().entry(pointer)
  }

  nearest(pointer: string): { readonly pointer: string; readonly entry: NodeEntry } | undefined {
    // Only an exact hit is the full index's answer too: a deeper node may be recorded there.
    const entry = this.#entries.get(pointer)
    return entry ? { pointer, entry } : this.#fullIndex().nearest(pointer)
  }

  position(offset: number): Position {
    this.#lines ??= new LineIndex(this.#text)
    return this.#lines.position(offset)
  }

  positionInString(pointer: string, column: number): Position | undefined {
    return this.#fullIndex().positionInString(pointer, column)
  }

  scalarText(pointer: string): string | undefined {
    return this.#fullIndex().scalarText(pointer)
  }

  #fullIndex(): SourceMap {
    if (!this.#full) {
      const parsed = parseDocument(this.#text, this.file, 'json')
      // The text passed JSON.parse and the checks above, so this cannot fail; if the YAML parser still
      // refuses it, locations fall back to the file's start rather than the load failing.
      this.#full = parsed.ok && parsed.value.map instanceof SourceMap ? parsed.value.map : new SourceMap(this.file, this.#text, new Map())
    }
    return this.#full
  }
}

interface Frame {
  readonly isObject: boolean
  /** null below RECORDED_DEPTH: nothing under it is recorded. */
  readonly pointer: string | null
  /** Keys seen so far (objects only), to refuse duplicates as the YAML parser does. */
  readonly keys: Set<string>
  itemIndex: number
  /** In an object: the key whose value comes next, and where its opening quote stands. */
  key: { readonly segment: string; readonly offset: number } | null
}

/**
 * One pass over text that JSON.parse accepted: records each container at most RECORDED_DEPTH deep the
 * way the event index does (value offset at its bracket, key offset at its key's opening quote).
 * Undefined when a mapping repeats a key or nesting reaches `maxDepth`.
 */
function scanContainers(text: string, maxDepth: number): Map<string, NodeEntry> | undefined {
  const entries = new Map<string, NodeEntry>()
  const stack: Frame[] = []
  let i = 0
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (c === 0x22 /* " */) {
      const end = stringEnd(text, i)
      const parent = stack[stack.length - 1]
      if (parent?.isObject && parent.key === null) {
        const raw = text.slice(i + 1, end)
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw
        if (parent.keys.has(key)) return undefined
        parent.keys.add(key)
        parent.key = { segment: pointerSegment(key), offset: i }
      } else {
        valueSeen(parent)
      }
      i = end + 1
      continue
    }
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= maxDepth) return undefined
      const parent = stack[stack.length - 1]
      const place = valueSeen(parent)
      const pointer = place && stack.length <= RECORDED_DEPTH ? place.pointer : null
      if (pointer !== null && place) entries.set(pointer, place.keyOffset === undefined ? { valueOffset: i } : { keyOffset: place.keyOffset, valueOffset: i })
      stack.push({ isObject: c === 0x7b, pointer, keys: new Set(), itemIndex: 0, key: null })
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop()
    } else if (c !== 0x2c /* , */ && c !== 0x3a /* : */ && !isJsonSpace(c)) {
      // A number, true, false or null: one value, whatever its length.
      valueSeen(stack[stack.length - 1])
      while (i + 1 < text.length && !isDelimiter(text.charCodeAt(i + 1))) i++
    }
    i++
  }
  return entries
}

/** A value starts in `parent`: its pointer (when recorded) and the offset of its key, if any. */
function valueSeen(parent: Frame | undefined): { readonly pointer: string; readonly keyOffset?: number } | null {
  if (!parent) return { pointer: '' }
  if (parent.isObject) {
    const key = parent.key
    parent.key = null
    return parent.pointer === null || key === null ? null : { pointer: `${parent.pointer}/${key.segment}`, keyOffset: key.offset }
  }
  const index = parent.itemIndex++
  return parent.pointer === null ? null : { pointer: `${parent.pointer}/${index}` }
}

/** Offset of the closing quote of the string opening at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1
  for (;;) {
    const quote = text.indexOf('"', i)
    // JSON.parse accepted the text, so every string closes.
    let backslashes = 0
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++
    if (backslashes % 2 === 0) return quote
    i = quote + 1
  }
}

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09
}

function isDelimiter(c: number): boolean {
  return c === 0x2c || c === 0x7d || c === 0x5d || c === 0x3a || isJsonSpace(c)
}
