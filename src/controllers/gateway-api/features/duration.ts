/** Largest value of one GEP-2257 component (`^([0-9]{1,5}(h|m|s|ms)){1,4}$`). */
const MAX_COMPONENT = 99999;

/**
 * A whole number of milliseconds in GEP-2257 canonical form (`1h30m`, `1s500ms`, `0s`), the
 * duration format of Gateway API and Envoy Gateway. Undefined when it does not fit (more than
 * 99999 hours).
 */
export function gepDuration(ms: number): string | undefined {
  if (!Number.isInteger(ms) || ms < 0) return undefined;
  if (ms === 0) return '0s';
  const hours = Math.floor(ms / 3_600_000);
  if (hours > MAX_COMPONENT) return undefined;
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = Math.floor(ms / 1000) % 60;
  const millis = ms % 1000;
  return [[hours, 'h'], [minutes, 'm'], [seconds, 's'], [millis, 'ms']]
    .filter(([n]) => n !== 0)
    .map(([n, unit]) => `${n}${unit}`)
    .join('');
}

/** Why a duration cannot be written, or undefined when it can. */
export function gepDurationProblem(ms: number): string | undefined {
  return gepDuration(ms) === undefined ? `${ms} ms is longer than the largest Gateway API duration (99999h)` : undefined;
}
