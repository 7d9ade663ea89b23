/**
 * GitHub workflow commands in a step's output (SPEC §3): a step may raise annotations and mask values;
 * nothing else it prints may act on the runner through the orchestrator's own stdout.
 *
 * The runner acts on two forms (actions/runner `ActionCommand.cs`): `::name k=v,k2=v2::data` at the start
 * of a line (after leading whitespace), and the legacy `##[name k=v;]data` ANYWHERE in a line. A
 * `[step] ` prefix therefore defuses the first form but not the second: print step text through
 * {@link neutralizeWorkflowCommands}.
 */

export interface WorkflowCommand {
  readonly command: string
  readonly properties: Readonly<Record<string, string>>
  readonly message: string
}

export type AnnotationLevel = 'error' | 'warning' | 'notice'

export type StepLine =
  | { readonly kind: 'text' }
  | { readonly kind: 'annotation'; readonly level: AnnotationLevel; readonly message: string; readonly properties: Readonly<Record<string, string>> }
  | { readonly kind: 'mask'; readonly value: string }
  | { readonly kind: 'blocked'; readonly command: string }

const TEXT: StepLine = Object.freeze({ kind: 'text' })
const COMMAND_KEY = '::'
const LEGACY_PREFIX = '##['
/** Not whitespace to .NET's TrimStart, so a line starting with it never starts with `::` to the runner. */
const ZERO_WIDTH_SPACE = '\u200b'
/** The runner reads these keys case-insensitively; we hand them on in the toolkit's spelling. */
const ANNOTATION_KEYS = new Map(['file', 'line', 'endLine', 'col', 'endColumn', 'title'].map((key) => [key.toLowerCase(), key]))

/**
 * Parses `::name key=value,…::message` the way the runner does (leading whitespace allowed, properties
 * without a name or value dropped), reversing the toolkit's escaping. Null when the line is not one.
 */
export function parseWorkflowCommand(line: string): WorkflowCommand | null {
  const start = line.indexOf(COMMAND_KEY)
  if (start < 0 || line.slice(0, start).trim() !== '') return null
  const infoStart = start + COMMAND_KEY.length
  const infoEnd = line.indexOf(COMMAND_KEY, infoStart)
  if (infoEnd < 0) return null
  const info = line.slice(infoStart, infoEnd)
  const space = info.indexOf(' ')
  const command = space < 0 ? info : info.slice(0, space)
  if (command === '') return null
  const properties: Record<string, string> = {}
  if (space > 0) {
    for (const pair of info.slice(space + 1).trim().split(',')) {
      const equals = pair.indexOf('=')
      if (equals <= 0 || equals === pair.length - 1) continue
      const key = pair.slice(0, equals)
      Object.defineProperty(properties, ANNOTATION_KEYS.get(key.toLowerCase()) ?? key, {
        value: unescapeProperty(pair.slice(equals + 1)),
        enumerable: true,
        writable: true,
        configurable: true,
      })
    }
  }
  return { command, properties, message: unescapeData(line.slice(infoEnd + COMMAND_KEY.length)) }
}

/**
 * What the orchestrator does with one line of step output: print it (`text`), raise an annotation,
 * register a mask, or print it as inert text because it is a command steps may not issue (`blocked`:
 * `::set-output`, `::set-env`, `::add-path`, `::save-state`, `::stop-commands`, `::group`, `::debug`,
 * any `##[…]`, …). `::add-mask::` with a blank value is blocked too (the runner ignores it).
 */
export function classifyStepLine(line: string): StepLine {
  const hasCommand = line.includes(COMMAND_KEY)
  const hasLegacy = line.includes(LEGACY_PREFIX)
  if (!hasCommand && !hasLegacy) return TEXT
  const parsed = hasCommand ? parseWorkflowCommand(line) : null
  if (parsed) {
    const name = parsed.command.toLowerCase()
    if (name === 'error' || name === 'warning' || name === 'notice') {
      return { kind: 'annotation', level: name, message: parsed.message, properties: parsed.properties }
    }
    if (name === 'add-mask') return parsed.message.trim() === '' ? { kind: 'blocked', command: parsed.command } : { kind: 'mask', value: parsed.message }
    // Any name may be a command: after `::stop-commands::TOKEN`, `::TOKEN::` is one.
    return { kind: 'blocked', command: parsed.command }
  }
  const legacy = hasLegacy ? legacyCommandName(line) : null
  return legacy === null ? TEXT : { kind: 'blocked', command: legacy }
}

/**
 * Makes a line of step text inert for the runner while it reads the same: a zero-width space goes
 * before a leading `::` and inside every `##[`. Apply to every step line the orchestrator prints.
 */
export function neutralizeWorkflowCommands(line: string): string {
  let safe = line.includes(LEGACY_PREFIX) ? line.replaceAll(LEGACY_PREFIX, '##' + ZERO_WIDTH_SPACE + '[') : line
  const start = safe.indexOf(COMMAND_KEY)
  if (start >= 0 && safe.slice(0, start).trim() === '') safe = safe.slice(0, start) + ZERO_WIDTH_SPACE + safe.slice(start)
  return safe
}

/**
 * The toolkit's escaping of a command's message. `@actions/core` keeps its own `escapeData` private
 * (its package exports only the main entry), hence this copy of the rule.
 */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

/** The toolkit's escaping of a command's property value (also `:` and `,`). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

const DATA_ESCAPES: Readonly<Record<string, string>> = { '%25': '%', '%0D': '\r', '%0A': '\n' }
const PROPERTY_ESCAPES: Readonly<Record<string, string>> = { ...DATA_ESCAPES, '%3A': ':', '%2C': ',' }

/** One pass, so an escaped `%` never combines with what follows it (`%250A` is `%0A`, not a newline). */
function unescapeData(value: string): string {
  return value.includes('%') ? value.replace(/%(?:25|0D|0A)/g, (code) => DATA_ESCAPES[code] ?? code) : value
}

function unescapeProperty(value: string): string {
  return value.includes('%') ? value.replace(/%(?:25|0D|0A|3A|2C)/g, (code) => PROPERTY_ESCAPES[code] ?? code) : value
}

/** The runner's legacy parser: the first `##[` anywhere, its name up to a space or the first `]`. */
function legacyCommandName(line: string): string | null {
  const start = line.indexOf(LEGACY_PREFIX)
  const close = line.indexOf(']', start)
  if (close < 0) return null
  const info = line.slice(start + LEGACY_PREFIX.length, close)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  return name === '' ? null : name
}
