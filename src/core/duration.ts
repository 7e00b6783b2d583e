/**
 * How a duration is spelled on the wire (both are valid Go `time.ParseDuration` input):
 * - `components`: hours, minutes, seconds and milliseconds, each only when not zero (`1h30m`,
 *   `1s500ms`, zero is `0s`): the canonical form of Gateway API (GEP-2257) and cert-manager;
 * - `single-unit`: whole seconds when exact (`90s`), else milliseconds (`1500ms`): Traefik.
 */
export type DurationStyle = 'components' | 'single-unit';

/** A whole, non-negative number of milliseconds as a Go duration, in the given style. */
export function goDuration(ms: number, style: DurationStyle = 'components'): string {
  if (style === 'single-unit') return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
  if (ms === 0) return '0s';
  const parts: Array<[number, string]> = [
    [Math.floor(ms / 3_600_000), 'h'], [Math.floor(ms / 60_000) % 60, 'm'], [Math.floor(ms / 1000) % 60, 's'], [ms % 1000, 'ms'],
  ];
  return parts.filter(([n]) => n !== 0).map(([n, unit]) => `${n}${unit}`).join('');
}
