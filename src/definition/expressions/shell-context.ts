/**
 * Tells, for given offsets in a bash/sh command, what quoting surrounds them: unquoted, inside "…",
 * inside '…' or $'…', right after a backslash, or inside a heredoc body. substitution.ts uses it to put a
 * `${{ }}` value into the command as an environment-variable reference that is valid where it stands.
 *
 * This is a quoting scanner, not a shell parser: it follows quotes, escapes, `$(…)`, backticks, arithmetic,
 * comments and heredocs, which is all that decides how a `$NAME` at a point would be read.
 */

export type ShellQuoting =
  /** Outside any quotes (also in a comment, or inside `$(…)` / backticks at the top level). */
  | { readonly kind: 'unquoted' }
  | { readonly kind: 'double' }
  | { readonly kind: 'single' }
  /** Inside bash's `$'…'`. */
  | { readonly kind: 'ansi' }
  /** Right after a backslash that escapes the next character. */
  | { readonly kind: 'escaped' }
  /**
   * Inside `$(( ))` or `(( ))`, at any depth: bash evaluates a variable's value there as an arithmetic
   * expression, and `a[$(cmd)]` in it runs cmd, so no reference is safe.
   */
  | { readonly kind: 'arithmetic' }
  /** In the body of a heredoc; `quoted` when its delimiter was quoted (`<<'EOF'`), so nothing expands. */
  | { readonly kind: 'heredoc'; readonly quoted: boolean; readonly delimiter: string; readonly stripTabs: boolean }

interface CodeFrame {
  readonly kind: 'code'
  /** What ends this frame: `)` for `$(`, a backtick for a backtick, nothing at the top. */
  readonly closer: ')' | '`' | null
  /** Unmatched `(` seen inside this frame (subshells, the inner `(` of arithmetic). */
  parens: number
  readonly arithmetic?: boolean
}
type Frame = CodeFrame | { readonly kind: 'double' } | { readonly kind: 'single' } | { readonly kind: 'ansi' }

interface PendingHeredoc {
  readonly delimiter: string
  readonly quoted: boolean
  readonly stripTabs: boolean
}

const WORD_BREAK = /[\s;&|()<>]/

/**
 * The quoting at each offset in `points`. `command` has each substitution already collapsed to one
 * placeholder character at its point, read as an ordinary word character.
 */
export function quotingAt(command: string, points: readonly number[]): ShellQuoting[] {
  const wanted = new Set(points)
  const found = new Map<number, ShellQuoting>()
  const stack: Frame[] = [{ kind: 'code', closer: null, parens: 0 }]
  const pending: PendingHeredoc[] = []
  const record = (at: number, quoting: ShellQuoting): void => {
    if (wanted.has(at) && !found.has(at)) found.set(at, quoting)
  }
  const atWordStart = (at: number): boolean => at === 0 || WORD_BREAK.test(command[at - 1] ?? ' ')

  let i = 0
  while (i < command.length) {
    const c = command[i] ?? ''
    const top = stack[stack.length - 1] ?? { kind: 'code', closer: null, parens: 0 }
    const inArithmetic = stack.some((frame) => frame.kind === 'code' && frame.arithmetic === true)
    if (wanted.has(i)) {
      record(i, inArithmetic ? { kind: 'arithmetic' } : top.kind === 'code' ? { kind: 'unquoted' } : { kind: top.kind })
      i++
      continue
    }
    switch (top.kind) {
      case 'single':
        if (c === "'") stack.pop()
        i++
        continue
      case 'ansi':
        if (c === '\\') {
          record(i + 1, { kind: 'escaped' })
          i += 2
        } else {
          if (c === "'") stack.pop()
          i++
        }
        continue
      case 'double':
        if (c === '\\') {
          record(i + 1, { kind: 'escaped' })
          i += 2
        } else if (c === '"') {
          stack.pop()
          i++
        } else if (c === '$' && command[i + 1] === '(') {
          stack.push({ kind: 'code', closer: ')', parens: 0, arithmetic: command[i + 2] === '(' })
          i += 2
        } else if (c === '`') {
          stack.push({ kind: 'code', closer: '`', parens: 0 })
          i++
        } else {
          i++
        }
        continue
      case 'code':
        break
    }
    // Unquoted code.
    if (c === '\\') {
      record(i + 1, { kind: 'escaped' })
      i += 2
    } else if (c === "'") {
      stack.push({ kind: 'single' })
      i++
    } else if (c === '$' && command[i + 1] === "'") {
      stack.push({ kind: 'ansi' })
      i += 2
    } else if (c === '"') {
      stack.push({ kind: 'double' })
      i++
    } else if (c === '$' && command[i + 1] === '(') {
      stack.push({ kind: 'code', closer: ')', parens: 0, arithmetic: command[i + 2] === '(' })
      i += 2
    } else if (c === '(' && command[i + 1] === '(' && atWordStart(i)) {
      // The `((` arithmetic command; its second `(` is counted as an inner parenthesis.
      stack.push({ kind: 'code', closer: ')', parens: 0, arithmetic: true })
      i++
    } else if (c === '(') {
      top.parens++
      i++
    } else if (c === ')') {
      if (top.parens > 0) top.parens--
      else if (top.closer === ')') stack.pop()
      i++
    } else if (c === '`') {
      if (top.closer === '`') stack.pop()
      else stack.push({ kind: 'code', closer: '`', parens: 0 })
      i++
    } else if (c === '#' && atWordStart(i)) {
      // A comment runs to the end of the line; a substitution there stays harmless when unquoted.
      while (i < command.length && command[i] !== '\n') {
        record(i, { kind: 'unquoted' })
        i++
      }
    } else if (c === '<' && command[i + 1] === '<' && command[i + 2] !== '<' && !inArithmetic) {
      const heredoc = readHeredocOperator(command, i + 2, wanted)
      if (heredoc.pending) pending.push(heredoc.pending)
      i = heredoc.end
    } else if (c === '\n' && pending.length > 0) {
      i = skipHeredocBodies(command, i + 1, pending.splice(0), wanted, record)
    } else {
      i++
    }
  }
  return points.map((point) => found.get(point) ?? { kind: 'unquoted' })
}

/** After `<<`: the optional `-`, then the delimiter word; quoted if any part of it was quoted. */
function readHeredocOperator(command: string, from: number, substitutions: ReadonlySet<number>): { pending?: PendingHeredoc; end: number } {
  let i = from
  const stripTabs = command[i] === '-'
  if (stripTabs) i++
  while (command[i] === ' ' || command[i] === '\t') i++
  let delimiter = ''
  let quoted = false
  while (i < command.length && !WORD_BREAK.test(command[i] ?? '')) {
    // A delimiter built from a substitution cannot be known before the value is: leave it unparsed.
    if (substitutions.has(i)) return { end: i }
    const c = command[i] ?? ''
    if (c === "'" || c === '"') {
      quoted = true
      const close = command.indexOf(c, i + 1)
      const end = close === -1 ? command.length : close
      delimiter += command.slice(i + 1, end)
      i = end + 1
    } else if (c === '\\') {
      quoted = true
      delimiter += command[i + 1] ?? ''
      i += 2
    } else {
      delimiter += c
      i++
    }
  }
  return delimiter === '' ? { end: i } : { pending: { delimiter, quoted, stripTabs }, end: i }
}

/** Skips the bodies of the heredocs opened on the line just ended, recording substitutions inside them. */
function skipHeredocBodies(
  command: string,
  from: number,
  heredocs: readonly PendingHeredoc[],
  substitutions: ReadonlySet<number>,
  record: (at: number, quoting: ShellQuoting) => void,
): number {
  let i = from
  for (const heredoc of heredocs) {
    const body: ShellQuoting = { kind: 'heredoc', ...heredoc }
    while (i < command.length) {
      const newline = command.indexOf('\n', i)
      const lineEnd = newline === -1 ? command.length : newline
      let hasSubstitution = false
      for (let at = i; at < lineEnd; at++) {
        if (substitutions.has(at)) hasSubstitution = true
        record(at, body)
      }
      const line = command.slice(i, lineEnd)
      const terminator = !hasSubstitution && (heredoc.stripTabs ? line.replace(/^\t+/, '') : line) === heredoc.delimiter
      i = lineEnd + 1
      if (terminator) break
    }
  }
  return i
}
