/**
 * Every problem a user can cause carries the place in their file where it stands, so that the CLI can
 * print `file:line:col: error: message` and the action can annotate that line.
 */
export interface SourceLocation {
  readonly file: string
  /** 1-based. */
  readonly line: number
  /** 1-based. */
  readonly column: number
}

export interface Diagnostic {
  readonly severity: 'error' | 'warning'
  readonly message: string
  readonly location: SourceLocation
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.location.file}:${d.location.line}:${d.location.column}: ${d.severity}: ${d.message}`
}

/** Thrown only by the outermost loaders; inner code returns diagnostics. */
export class DefinitionError extends Error {
  readonly diagnostics: readonly Diagnostic[]
  constructor(diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map(formatDiagnostic).join('\n'))
    this.name = 'DefinitionError'
    this.diagnostics = diagnostics
  }
}
