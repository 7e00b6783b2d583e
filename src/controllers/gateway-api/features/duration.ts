import { goDuration } from '../../../core/duration';

/** Largest value of one GEP-2257 component (`^([0-9]{1,5}(h|m|s|ms)){1,4}$`). */
const MAX_COMPONENT = 99999;

/**
 * A whole number of milliseconds in GEP-2257 canonical form (`1h30m`, `1s500ms`, `0s`), the
 * duration format of Gateway API and Envoy Gateway. Undefined when it does not fit (more than
 * 99999 hours).
 */
export function gepDuration(ms: number): string | undefined {
  if (!Number.isInteger(ms) || ms < 0) return undefined;
  if (Math.floor(ms / 3_600_000) > MAX_COMPONENT) return undefined;
  return goDuration(ms);
}

/** Why a duration cannot be written, or undefined when it can. */
export function gepDurationProblem(ms: number): string | undefined {
  return gepDuration(ms) === undefined ? `${ms} ms is longer than the largest Gateway API duration (99999h)` : undefined;
}
