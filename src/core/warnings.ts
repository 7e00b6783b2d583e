import { IConstruct } from 'constructs';
import { endPass, envOf, PassState, passOf, rootOf } from './synth-pass';

/**
 * The one channel for warnings: settings that are valid but risky or surprising. Each warning
 * belongs to the construct that declared the setting and has a stable id (documented in the
 * README's warnings table). Producers are registered when constructs are created and evaluated
 * lazily (at synth, or when a test reads `Warnings.of(scope)`), so they see the finished app.
 *
 * At synth each warning is printed once to stderr; with the strict context key (or environment
 * variable) set, warnings are synth errors instead (for CI).
 */

/** A warning as a producer states it: a stable id and a message saying what to do. */
export interface WarningSpec {
  readonly id: string;
  readonly message: string;
}

/** A warning as read back: with the path of the construct it belongs to. */
export interface WarningRecord extends WarningSpec {
  readonly path: string;
}

/** Warning ids (stable: users acknowledge them by id). */
export const WARNING_IDS = {
  rateLimitPerReplica: 'rate-limit-per-replica',
  clientIpBehindProxy: 'client-ip-behind-proxy',
  unsafeRawAnnotation: 'unsafe-raw-annotation',
  acmeWithoutEmail: 'acme-without-email',
  certificatesPerDomain: 'certificates-per-registered-domain',
  httpsRedirectWithoutTls: 'https-redirect-without-tls',
  controllerDefault: 'controller-default',
  literalDollar: 'literal-path-dollar',
  serviceWithoutEndpoints: 'service-without-endpoints',
  backendTlsUnverified: 'backend-tls-unverified',
  retryNonIdempotent: 'retry-non-idempotent',
  serviceSettings: 'service-settings',
  redisPlaintextCredentials: 'redis-plaintext-credentials',
  externalAuthBody: 'external-auth-body',
  instanceWideSetting: 'instance-wide-setting',
  hostlessRouteScope: 'hostless-route-scope',
} as const;

type Producer = () => readonly WarningSpec[];

/** App context key (or `CDK8S_GATEWAY_STRICT=true`): warnings fail the synth. */
export const STRICT_CONTEXT = 'cdk8s-gateway:strict';
/** App context key (or `CDK8S_GATEWAY_QUIET=true`): warnings are not printed (still readable and strict). */
export const QUIET_CONTEXT = 'cdk8s-gateway:quiet';

const PRODUCERS = new WeakMap<IConstruct, Map<string, Producer>>();
const ACKNOWLEDGED = new WeakMap<IConstruct, Set<string>>();
const PRINTED = new WeakMap<IConstruct, Set<string>>();

/**
 * Registers a producer of warnings for `scope` under `key` (a second registration with the same
 * key is ignored, so a check shared by several callers runs once).
 */
export function addWarnings(scope: IConstruct, key: string, producer: Producer): void {
  let producers = PRODUCERS.get(scope);
  if (!producers) {
    producers = new Map();
    PRODUCERS.set(scope, producers);
    scope.node.addValidation({ validate: () => report(scope) });
  }
  if (!producers.has(key)) producers.set(key, producer);
}

/**
 * `addWarnings` for a producer whose result depends only on what a synth pass's signature covers
 * (the construct's own IR, its gateway's IR, the app's objects, the flags; see `passOf`): it runs
 * once per pass, not once per validation pass of cdk8s.
 */
export function addPassWarnings(scope: IConstruct, key: string, producer: Producer): void {
  // The result of the last pass state it ran in (a memo entry per construct and pass would be a
  // map per route per pass).
  let state: PassState | undefined;
  let produced: readonly WarningSpec[] = [];
  addWarnings(scope, key, () => {
    const current = passOf(scope);
    if (current !== state) {
      produced = producer();
      state = current;
    }
    return produced;
  });
}

/** Suppresses warnings with `id` on `scope` and everything under it. */
export function acknowledge(scope: IConstruct, id: string): void {
  let ids = ACKNOWLEDGED.get(scope);
  if (!ids) {
    ids = new Set();
    ACKNOWLEDGED.set(scope, ids);
  }
  ids.add(id);
}

/** The warnings of one construct (not its children), acknowledged ones removed, sorted by id. */
export function warningsOf(scope: IConstruct): WarningRecord[] {
  const producers = PRODUCERS.get(scope);
  if (!producers) return [];
  // Most constructs have no warnings: nothing is allocated for them.
  let seen: Set<string> | undefined;
  const out: WarningRecord[] = [];
  for (const producer of producers.values()) {
    const produced = producer();
    if (produced.length === 0) continue;
    seen ??= new Set<string>();
    for (const w of produced) {
      const key = `${w.id}\0${w.message}`;
      if (seen.has(key) || isAcknowledged(scope, w.id)) continue;
      seen.add(key);
      out.push({ id: w.id, message: w.message, path: scope.node.path });
    }
  }
  if (out.length < 2) return out;
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}

/** Every warning of `scope` and the constructs under it, in construct-tree order. */
export function allWarnings(scope: IConstruct): WarningRecord[] {
  // Read outside cdk8s's validation: the app may have changed since the last pass.
  endPass(scope);
  return scope.node.findAll().flatMap(c => warningsOf(c));
}

/** Whether warnings are synth errors for the app `scope` belongs to. */
export function isStrict(scope: IConstruct): boolean {
  return flag(scope, STRICT_CONTEXT, 'CDK8S_GATEWAY_STRICT');
}

/** The validation hook: prints each warning once per app, or returns them as errors in strict mode. */
function report(scope: IConstruct): string[] {
  const warnings = warningsOf(scope);
  if (warnings.length === 0) return [];
  if (isStrict(scope)) {
    return warnings.map(w => `warning ${w.id}: ${w.message} (an error because '${STRICT_CONTEXT}' is set)`);
  }
  if (flag(scope, QUIET_CONTEXT, 'CDK8S_GATEWAY_QUIET')) return [];
  const root = rootOf(scope);
  let printed = PRINTED.get(root);
  if (!printed) {
    printed = new Set();
    PRINTED.set(root, printed);
  }
  for (const w of warnings) {
    const line = `[WARNING] [${w.path}] ${w.id}: ${w.message}`;
    if (printed.has(line)) continue;
    printed.add(line);
    process.stderr.write(`${line}\n`);
  }
  return [];
}

function isAcknowledged(scope: IConstruct, id: string): boolean {
  return scope.node.scopes.some(s => ACKNOWLEDGED.get(s)?.has(id) ?? false);
}

/** A boolean app context key, or its environment variable (cdk8s synth has no --context flag). */
export function flag(scope: IConstruct, contextKey: string, envVar: string): boolean {
  const value = scope.node.tryGetContext(contextKey) ?? envOf(scope, envVar);
  return value === true || value === 'true' || value === '1';
}
