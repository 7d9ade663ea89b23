/**
 * Drawings of a workflow's graph for `task-orchestrator graph` (SPEC §11): Mermaid (which GitHub renders
 * in Markdown) and Graphviz DOT. Text only; nothing here knows where the drawing goes.
 */
import type { Dependency, DependencyType, WorkflowModel } from '../definition/model.js'
import type { Plan } from './plan.js'

const defaultType: DependencyType = 'finish_to_start'

/**
 * A `flowchart TD`: one node per step labelled with its name, one edge per dependency. Edges carry a
 * label only for a non-default type or condition (`-- failure -->`); implicit edges (from conditions)
 * are dotted and unlabelled, since they only order. With a plan, the critical path's steps get the
 * `critical` class (a thicker border).
 */
export function toMermaid(workflow: WorkflowModel, plan?: Plan): string {
  const lines = ['flowchart TD']
  const nodeIds = workflow.steps.map((step) => mermaidNodeId(step.id, step.index))
  const nodeIdById = new Map(workflow.steps.map((step, position) => [step.id, nodeIds[position] as string]))

  workflow.steps.forEach((step, position) => {
    lines.push(`  ${nodeIds[position] as string}["${escapeMermaidText(step.name)}"]`)
  })
  for (const dependency of workflow.dependencies) {
    const from = nodeIdById.get(dependency.from)
    const to = nodeIdById.get(dependency.to)
    if (from === undefined || to === undefined) continue
    lines.push(`  ${from} ${mermaidArrow(dependency)} ${to}`)
  }

  const critical = (plan?.criticalPath.steps ?? []).flatMap((id) => nodeIdById.get(id) ?? [])
  if (critical.length > 0) {
    lines.push('  classDef critical stroke-width:3px')
    lines.push(`  class ${[...new Set(critical)].join(',')} critical`)
  }
  return lines.join('\n') + '\n'
}

/**
 * A Graphviz `digraph`: nodes keyed by step id and labelled with step names, edges labelled like
 * `toMermaid`'s, implicit edges dashed. With a plan, the critical path's steps are drawn bold.
 */
export function toDot(workflow: WorkflowModel, plan?: Plan): string {
  const lines = [`digraph ${dotString(workflow.name)} {`, '  rankdir=TB;', '  node [shape=box, style=rounded];']
  const critical = new Set(plan?.criticalPath.steps ?? [])
  for (const step of workflow.steps) {
    const bold = critical.has(step.id) ? ', penwidth=3' : ''
    lines.push(`  ${dotString(step.id)} [label=${dotString(step.name)}${bold}];`)
  }
  const known = new Set(workflow.steps.map((step) => step.id))
  for (const dependency of workflow.dependencies) {
    if (!known.has(dependency.from) || !known.has(dependency.to)) continue
    const attributes: string[] = []
    const label = edgeLabel(dependency)
    if (label !== '') attributes.push(`label=${dotString(label)}`)
    if (dependency.implicit) attributes.push('style=dashed')
    const suffix = attributes.length > 0 ? ` [${attributes.join(', ')}]` : ''
    lines.push(`  ${dotString(dependency.from)} -> ${dotString(dependency.to)}${suffix};`)
  }
  lines.push('}')
  return lines.join('\n') + '\n'
}

/** What distinguishes an edge from a plain finish_to_start/success one; '' when nothing does. */
export function edgeLabel(dependency: Dependency): string {
  const parts: string[] = []
  if (dependency.type !== defaultType) parts.push(dependency.type)
  // Implicit edges are ordering only; their `always` is how they are built, not something the user wrote.
  if (!dependency.implicit && dependency.condition !== 'success') parts.push(dependency.condition)
  return parts.join(', ')
}

function mermaidArrow(dependency: Dependency): string {
  const label = edgeLabel(dependency)
  if (dependency.implicit) return label === '' ? '-.->' : `-. ${label} .->`
  return label === '' ? '-->' : `-- ${label} -->`
}

/**
 * Step ids may contain '-', which Mermaid reads as part of an arrow, and may be words Mermaid reserves
 * (`end`) or start with `o`/`x` (circle and cross arrows); a letter-and-index prefix avoids all three
 * and keeps ids unique.
 */
function mermaidNodeId(stepId: string, index: number): string {
  return `s${index}_${stepId.replace(/-/g, '_')}`
}

const mermaidEntities: Readonly<Record<string, string>> = {
  '#': '#35;',
  '"': '#quot;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '`': '#96;',
  '|': '#124;'
}

/** Text inside a quoted Mermaid label: entity codes for what Mermaid or HTML would read, no newlines. */
function escapeMermaidText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[#"&<>`|]/g, (character) => mermaidEntities[character] ?? character)
}

/** A DOT double-quoted string: backslashes and quotes escaped, newlines as DOT's `\n`. */
function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n|\r/g, '\\n')}"`
}
