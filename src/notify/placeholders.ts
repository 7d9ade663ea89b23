/**
 * The seed's `{workflow.name}`-style placeholders in webhook payloads and alert messages. Values are
 * substituted inside string leaves of the parsed payload, so the body is always serialized by
 * JSON.stringify and a value with quotes or newlines can never break (or inject into) the JSON.
 */

/** Placeholder name (`workflow.name`) → its text in this event; absent names are left as written. */
export type PlaceholderValues = Readonly<Record<string, string>>

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+)\}/g

/** Replaces every `{a.b}` whose name has a value; unknown names stay, so literal braces survive. */
export function fillText(text: string, values: PlaceholderValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? (values[name] as string) : whole))
}

/**
 * A copy of a JSON-like value with `fillText` applied to every string leaf (object keys are kept as
 * written), then `finish` applied to each resulting string (secret masking).
 */
export function fillPayload(payload: unknown, values: PlaceholderValues, finish: (text: string) => string = (t) => t): unknown {
  if (typeof payload === 'string') return finish(fillText(payload, values))
  if (Array.isArray(payload)) return payload.map((item) => fillPayload(item, values, finish))
  if (payload !== null && typeof payload === 'object') {
    const filled: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(payload)) filled[key] = fillPayload(value, values, finish)
    return filled
  }
  return payload
}

/** Applies `mask` to every string leaf of a JSON-like value (the default body carries no template). */
export function maskStrings(value: unknown, mask: (text: string) => string): unknown {
  return fillPayload(value, {}, mask)
}
