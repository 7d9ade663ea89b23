/**
 * V8 grows its young generation ("new space") up to 2 × 16 MB whenever a scavenge finds many survivors.
 * Loading and running thousands of steps always has some in flight, so the space reaches its maximum and
 * stays there: ~17 MB of the 10,000-step run's peak RSS (127 → 110 MB measured), for no speed (a short
 * step's objects die within a scavenge or two either way). Only the growth factor can be changed once
 * the process runs (the maximum is fixed when V8 starts), so the entry points hold the space at its
 * starting size from the first line, through the load, and a run of few steps lets it grow again: one
 * step printing 300 MB ran 30% slower in a small young generation.
 */
import { setFlagsFromString } from 'node:v8'

/** From this many steps on, memory goes to per-step objects rather than to what one step prints. */
export const MANY_STEPS = 1000

const V8_DEFAULT_GROWTH_FACTOR = 2

type SetFlags = (flags: string) => void

/** Called first thing by the CLI and the action, before the definition is loaded. */
export function holdYoungGeneration(setFlags: SetFlags = setFlagsFromString): void {
  setFlags('--semi-space-growth-factor=1')
}

/** Once the run's size is known: V8's default growth again unless it has many steps. */
export function sizeYoungGenerationFor(steps: number, setFlags: SetFlags = setFlagsFromString): void {
  if (steps < MANY_STEPS) setFlags(`--semi-space-growth-factor=${V8_DEFAULT_GROWTH_FACTOR}`)
}
