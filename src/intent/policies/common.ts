import { Duration } from 'cdk8s';
import { listProblem, show } from '../../core/errors';
import { checkLiteralPath, nonFiniteDuration } from '../../core/validate';

/**
 * Shared checks for policy values. Each throws an Error whose message starts with the field
 * (`RateLimit.requests: ...`); constructs add their path when they receive the policy.
 */

export class PolicyError extends Error {}

export function policyFail(field: string, problem: string): never {
  throw new PolicyError(`${field}: ${problem}`);
}

export function positiveInt(field: string, value: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || value > max) {
    policyFail(field, `${show(value)} must be a whole number ${max === Number.MAX_SAFE_INTEGER ? 'of at least 1' : `from 1 to ${max}`}${value === 0 ? ' (0 is never "unlimited" here: leave the policy out instead)' : ''}`);
  }
  return value;
}

/**
 * An optional list: `[]` when undefined, an error naming the field when not an array or when it
 * has holes, `undefined` or `null` elements (see `listProblem`).
 */
export function list<T>(field: string, value: readonly T[] | undefined, items: string): readonly T[] {
  if (value === undefined) return [];
  const problem = listProblem(field, value, items);
  if (problem) throw new PolicyError(problem);
  return value;
}

/** An optional boolean: an error naming the field when set to anything but true or false. */
export function bool(field: string, value: boolean | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') policyFail(field, `${show(value)} must be true or false`);
  return value;
}

/** An optional map of names to strings: `{}` when undefined, an error when not a plain object. */
export function record(field: string, value: Readonly<Record<string, string>> | undefined): Readonly<Record<string, string>> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value) || ![Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    policyFail(field, `must be an object mapping header names to values, got ${show(value)}`);
  }
  return value;
}

/** A cdk8s Duration as whole milliseconds (> 0). */
export function durationMs(field: string, d: Duration | undefined): number | undefined {
  return durationMsAtLeast(field, d, 1);
}

/** A cdk8s Duration as whole milliseconds, zero allowed (a timeout that zero turns off). */
export function durationMsOrZero(field: string, d: Duration | undefined): number | undefined {
  return durationMsAtLeast(field, d, 0);
}

function durationMsAtLeast(field: string, d: Duration | undefined, min: 0 | 1): number | undefined {
  if (d === undefined) return undefined;
  if (!(d instanceof Duration)) policyFail(field, 'must be a cdk8s Duration, e.g. Duration.seconds(30)');
  const infinite = nonFiniteDuration(d);
  if (infinite) policyFail(field, infinite);
  let ms: number;
  try {
    ms = d.toMilliseconds({ integral: true });
  } catch {
    policyFail(field, `${d.toHumanString()} is not a whole number of milliseconds`);
  }
  if (ms < min) policyFail(field, `${d.toHumanString()} must be ${min === 0 ? 'zero (off) or longer' : 'longer than zero'}`);
  return ms === 0 ? 0 : ms; // -0 is 0
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** An IPv4 or IPv6 address or CIDR, normalised to CIDR form. */
export function cidr(field: string, value: string): string {
  if (typeof value !== 'string') policyFail(field, 'must be an IP address or CIDR string');
  const [ip, bits, extra] = value.split('/');
  const isV4 = IPV4.test(ip);
  const isV6 = !isV4 && /^[0-9a-fA-F:]+$/.test(ip) && ip.includes(':') && isIpv6(ip);
  if (extra !== undefined || (!isV4 && !isV6)) policyFail(field, `${show(value)} is not an IP address or CIDR`);
  const max = isV4 ? 32 : 128;
  if (bits === undefined) return `${ip.toLowerCase()}/${max}`;
  if (!/^\d{1,3}$/.test(bits) || Number(bits) > max) policyFail(field, `${show(value)} has an invalid prefix length (0-${max})`);
  return `${ip.toLowerCase()}/${Number(bits)}`;
}

function isIpv6(ip: string): boolean {
  const parts = ip.split('::');
  if (parts.length > 2) return false;
  const groups = parts.flatMap(p => (p === '' ? [] : p.split(':')));
  if (groups.some(g => !/^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return parts.length === 2 ? groups.length < 8 : groups.length === 8;
}

export function cidrList(field: string, values: string[] | undefined): string[] {
  return [...new Set(list(field, values, 'IP addresses or CIDRs').map((v, i) => cidr(`${field}[${i}]`, v)))].sort();
}

/** Sorted unique strings. */
export function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

export function literal(field: string, path: string): string {
  const problem = checkLiteralPath(path);
  if (problem) policyFail(field, problem);
  return path;
}
