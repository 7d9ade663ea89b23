/**
 * The parsed form of an expression. Every node keeps `start`/`end` (0-based offsets into the text given to
 * the parser, end exclusive), so any later complaint about a node can point at its column (`start + 1`).
 */

/** Functions GitHub defines, under their canonical spelling (calls are matched case-insensitively). */
export type BuiltinFunctionName =
  | 'contains'
  | 'startsWith'
  | 'endsWith'
  | 'fromJSON'
  | 'toJSON'
  | 'format'
  | 'join'

/** GitHub's job-status functions: their value comes from the run, not from their (absent) arguments. */
export type StatusFunctionName = 'success' | 'failure' | 'always' | 'cancelled'

/** The seed's step-status forms; their arguments are bare step ids. */
export type StepStatusFunctionName = 'on_success' | 'on_failure' | 'on_completion'

export type ComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>='
export type LogicalOperator = '&&' | '||'
export type LiteralValue = string | number | boolean | null

interface Span {
  readonly start: number
  readonly end: number
}

export interface LiteralNode extends Span {
  readonly kind: 'literal'
  readonly value: LiteralValue
}

/** A named value at the root of a path: `steps`, `context`, `env`, … (spelled as the caller allowed it). */
export interface RootNode extends Span {
  readonly kind: 'root'
  readonly name: string
}

/** `object.name`; `nameStart` is where the name itself begins. */
export interface PropertyNode extends Span {
  readonly kind: 'property'
  readonly object: ExpressionNode
  readonly name: string
  readonly nameStart: number
}

/** `object[index]`. */
export interface IndexNode extends Span {
  readonly kind: 'index'
  readonly object: ExpressionNode
  readonly index: ExpressionNode
}

/** `object.*` or `object[*]`: every value of an object or array, as a filtered array. */
export interface FilterNode extends Span {
  readonly kind: 'filter'
  readonly object: ExpressionNode
}

export interface NotNode extends Span {
  readonly kind: 'not'
  readonly operand: ExpressionNode
}

export interface LogicalNode extends Span {
  readonly kind: 'logical'
  readonly operator: LogicalOperator
  readonly left: ExpressionNode
  readonly right: ExpressionNode
}

export interface ComparisonNode extends Span {
  readonly kind: 'comparison'
  readonly operator: ComparisonOperator
  readonly left: ExpressionNode
  readonly right: ExpressionNode
}

export interface CallNode extends Span {
  readonly kind: 'call'
  readonly name: BuiltinFunctionName
  readonly args: readonly ExpressionNode[]
}

export interface StatusCallNode extends Span {
  readonly kind: 'statusCall'
  readonly name: StatusFunctionName
}

/** A step id argument of `on_success(…)` and its kin. */
export interface StepIdArgument extends Span {
  readonly id: string
}

export interface StepStatusCallNode extends Span {
  readonly kind: 'stepStatusCall'
  readonly name: StepStatusFunctionName
  readonly steps: readonly StepIdArgument[]
}

/** The seed's bare `always` / `never`, only ever a whole condition. */
export interface KeywordNode extends Span {
  readonly kind: 'keyword'
  readonly keyword: 'always' | 'never'
}

export type ExpressionNode =
  | LiteralNode
  | RootNode
  | PropertyNode
  | IndexNode
  | FilterNode
  | NotNode
  | LogicalNode
  | ComparisonNode
  | CallNode
  | StatusCallNode
  | StepStatusCallNode
  | KeywordNode
