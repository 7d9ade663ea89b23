/**
 * Ready steps ordered by critical-path priority: longest remaining path first, definition order on ties.
 * A binary heap over step indices, so a 10,000-step run never re-sorts.
 */
export class ReadyQueue {
  readonly #heap: number[] = []
  readonly #priority: Float64Array

  constructor(priority: Float64Array) {
    this.#priority = priority
  }

  get size(): number {
    return this.#heap.length
  }

  push(index: number): void {
    const heap = this.#heap
    heap.push(index)
    let i = heap.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!this.#before(index, heap[parent] as number)) break
      heap[i] = heap[parent] as number
      i = parent
    }
    heap[i] = index
  }

  peek(): number | undefined {
    return this.#heap[0]
  }

  pop(): number | undefined {
    const heap = this.#heap
    const top = heap[0]
    const last = heap.pop()
    if (top === undefined || last === undefined || heap.length === 0) return top
    let i = 0
    const n = heap.length
    for (;;) {
      const left = 2 * i + 1
      if (left >= n) break
      const right = left + 1
      const child = right < n && this.#before(heap[right] as number, heap[left] as number) ? right : left
      if (!this.#before(heap[child] as number, last)) break
      heap[i] = heap[child] as number
      i = child
    }
    heap[i] = last
    return top
  }

  /** Removes and returns every queued index, best first (for passes that may skip some). */
  drain(): number[] {
    const out: number[] = []
    for (let i = this.pop(); i !== undefined; i = this.pop()) out.push(i)
    return out
  }

  #before(a: number, b: number): boolean {
    const pa = this.#priority[a] as number
    const pb = this.#priority[b] as number
    return pa > pb || (pa === pb && a < b)
  }
}
