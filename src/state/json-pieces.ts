/**
 * `JSON.stringify(value)` as a sequence of pieces whose concatenation is the same text: long arrays are
 * given element by element, so a large record is written without one multi-megabyte string (which V8
 * allocates straight into the old generation, where it stays until the next full collection).
 */

/** Arrays longer than this are split; shorter values are stringified whole. */
const SPLIT_LENGTH = 64

export function* jsonPieces(value: unknown): Generator<string> {
  if (Array.isArray(value) && value.length > SPLIT_LENGTH) {
    for (let i = 0; i < value.length; i++) {
      // JSON.stringify writes null for an item that has no JSON form (undefined, a function).
      yield `${i === 0 ? '[' : ','}${JSON.stringify(value[i]) ?? 'null'}`
    }
    yield ']'
    return
  }
  if (isPlainRecord(value)) {
    let first = true
    for (const [key, item] of Object.entries(value)) {
      // Properties JSON.stringify leaves out.
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue
      yield `${first ? '{' : ','}${JSON.stringify(key)}:`
      first = false
      yield* jsonPieces(item)
    }
    yield first ? '{}' : '}'
    return
  }
  yield JSON.stringify(value)
}

/** Objects JSON.stringify would write key by key: no toJSON, no class of their own. */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return (prototype === Object.prototype || prototype === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function'
}
