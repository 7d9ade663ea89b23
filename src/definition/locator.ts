/**
 * From a JSON pointer into the normalized request to a line and column in whichever file that part came
 * from. Normalizing moves things (a bare workflow's `steps` become `/workflow/steps`, a template's body
 * is mounted under `/workflow`, a matrix step becomes several), so each move is recorded as a mount:
 * pointers under `prefix` are looked up under `target` in `map`.
 */
import type { SourceLocation } from './diagnostics.js'
import type { SourceIndex } from './source-map.js'
import { parentPointer } from './source-map.js'

export interface Mount {
  readonly prefix: string
  readonly map: SourceIndex
  readonly target: string
}

/** `key`: the mapping key naming the node (for unknown keys); `value`: where the value starts. */
export type LocationPart = 'key' | 'value'

export class Locator {
  /** By prefix; a pointer is resolved by its longest prefix that has a mount. */
  readonly #mounts: ReadonlyMap<string, Mount>

  constructor(mounts: readonly Mount[]) {
    this.#mounts = new Map(mounts.map((m) => [m.prefix, m]))
  }

  /** A locator with more mounts, which replace existing ones with the same prefix. */
  with(...mounts: readonly Mount[]): Locator {
    return new Locator([...this.#mounts.values(), ...mounts])
  }

  /** The file a pointer comes from, and the pointer within it. */
  resolve(pointer: string): { readonly map: SourceIndex; readonly pointer: string } | undefined {
    for (let prefix: string | undefined = pointer; prefix !== undefined; prefix = parentPointer(prefix)) {
      const mount = this.#mounts.get(prefix)
      if (mount) return { map: mount.map, pointer: mount.target + pointer.slice(prefix.length) }
    }
    return undefined
  }

  /**
   * Where the node at `pointer` stands; a node the file does not hold (a missing key, something under an
   * alias, a default) is located at its nearest ancestor that it does hold.
   */
  locate(pointer: string, part: LocationPart = 'value'): SourceLocation {
    const resolved = this.resolve(pointer)
    if (!resolved) return { file: '<unknown>', line: 1, column: 1 }
    const { map } = resolved
    const found = map.nearest(resolved.pointer)
    if (!found) return { file: map.file, line: 1, column: 1 }
    const exact = found.pointer === resolved.pointer
    const offset = exact && part === 'key' ? (found.entry.keyOffset ?? found.entry.valueOffset) : found.entry.valueOffset
    return { file: map.file, ...map.position(offset) }
  }

  /**
   * Where 1-based `column` of the string `text` at `pointer` stands. The column is mapped character by
   * character only when the file holds exactly `text` there (not after substitution or merging, and not
   * in a folded block); otherwise it is the value's start.
   */
  locateInString(pointer: string, text: string, column: number): SourceLocation {
    const resolved = this.resolve(pointer)
    if (resolved && resolved.map.scalarText(resolved.pointer) === text) {
      const position = resolved.map.positionInString(resolved.pointer, column)
      if (position) return { file: resolved.map.file, ...position }
    }
    return this.locate(pointer)
  }
}
