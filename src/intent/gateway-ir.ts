import { ApiObject } from 'cdk8s';
import { Backend } from './backend';
import { resolvePolicies } from './policies/resolve';
import { RoutePolicies } from './policies/route-policies';
import { ControllerName } from '../capabilities/features';
import { canaryConflicts, claimProblems } from '../checks/claims';
import { featureProblems } from '../checks/features';
import { OwnerKind, ownerProblems } from '../checks/owners';
import { serviceSideProblems } from '../checks/service-side';
import { tlsCoverageProblems } from '../checks/tls';
import { ControllerRenderer } from '../controllers/renderer';
import { fail, show } from '../core/errors';
import { BackendIR, CanaryIR, ClientAddressIR, GatewayIR, PassthroughIR, RouteIR, TlsHostIR } from '../ir/model';
import { PoliciesIR } from '../ir/policies';

/** What an ApiGateway holds, in declaration order: the input of its IR. */
export interface GatewayParts {
  readonly source: string;
  readonly name: string;
  readonly namespace: string;
  readonly routes: readonly RouteIR[];
  /** Terminating and passthrough TlsHosts, in declaration order. */
  readonly tlsHosts: ReadonlyArray<TlsHostIR | PassthroughIR>;
  readonly canaries: readonly CanaryIR[];
  readonly defaultBackend?: BackendIR;
  readonly defaultBackendSource?: string;
  readonly clientIp?: ClientAddressIR;
  /** `per-host`: one plain-HTTP listener per hostname (`ApiGateway.httpListeners`). */
  readonly httpListeners?: 'per-host';
  readonly strictSni?: true;
}

/** Objects a construct of the gateway renders, with its path and kind (object owner checks). */
export type OwnedObjects = Array<[string, OwnerKind, ApiObject[]]>;

/** The gateway's IR (plain data) from its parts. */
export function gatewayIr(p: GatewayParts): GatewayIR {
  return {
    source: p.source,
    name: p.name,
    namespace: p.namespace,
    routes: p.routes,
    tlsHosts: p.tlsHosts.filter((t): t is TlsHostIR => t.mode === 'Terminate'),
    passthroughHosts: p.tlsHosts.filter((t): t is PassthroughIR => t.mode === 'Passthrough'),
    defaultBackend: p.defaultBackend,
    defaultBackendSource: p.defaultBackendSource,
    canaries: p.canaries,
    canariesByRoute: byRoute(p.canaries),
    clientIp: p.clientIp,
    ...(p.httpListeners ? { httpListeners: p.httpListeners } : {}),
    ...(p.strictSni ? { strictSni: p.strictSni } : {}),
  };
}

/**
 * Every problem of one gateway, by construct path (each message once): the capability matrix,
 * the renderer's TLS host checks, the pure checks of src/checks, then the renderer's own.
 */
export function gatewayProblems(ir: GatewayIR, renderer: ControllerRenderer, owned: OwnedObjects): Map<string, string[]> {
  const problems = new Map<string, string[]>();
  const add = (source: string, message: string) => {
    const list = problems.get(source);
    if (!list) problems.set(source, [message]);
    else if (!list.includes(message)) list.push(message);
  };
  const controller = renderer.name as ControllerName;
  const experimental = renderer.experimentalChannel ?? false;
  const checks = [
    ...featureProblems(ir, controller, experimental),
    ...[...ir.tlsHosts, ...ir.passthroughHosts].flatMap(t => renderer.validateTlsHost(t).map(message => ({ source: t.source, message }))),
    ...canaryConflicts(ir),
    ...claimProblems(ir),
    ...tlsCoverageProblems(ir),
    ...ownerProblems(owned),
    ...renderer.validate(ir),
    ...serviceSideProblems(ir, controller, (policies, route) => renderer.serviceSide?.(policies, route)),
  ];
  for (const p of checks) add(p.source, p.message);
  return problems;
}

/**
 * A gateway's IR and problems, computed once per change (every construct's validation and the
 * whole-app checks share them). `changed()` marks a construct added.
 */
export class GatewayAnalysis {
  private changes = 0;
  private cache?: { readonly version: number; readonly ir: GatewayIR; readonly problems: Map<string, string[]> };

  constructor(
    private readonly parts: () => GatewayParts, private readonly renderer: ControllerRenderer, private readonly owned: () => OwnedObjects,
  ) {}

  public changed(): void {
    this.changes++;
  }

  public get version(): number {
    return this.changes;
  }

  public current(): { readonly ir: GatewayIR; readonly problems: Map<string, string[]> } {
    if (this.cache && this.cache.version === this.changes) return this.cache;
    const ir = gatewayIr(this.parts());
    this.cache = { version: this.changes, ir, problems: gatewayProblems(ir, this.renderer, this.owned()) };
    return this.cache;
  }
}

/** `ApiGateway.defaults` as IR: policies of every route; redirects and rewrites belong to routes. */
export function gatewayDefaults(path: string, defaults: RoutePolicies | undefined): PoliciesIR | undefined {
  if (defaults === undefined) return undefined;
  if (defaults === null || typeof defaults !== 'object') fail(path, `ApiGateway.defaults: must be a RoutePolicies object, got ${show(defaults)}`);
  const d = defaults as RoutePolicies & { redirect?: unknown; rewrite?: unknown };
  if (d.redirect !== undefined || d.rewrite !== undefined) fail(path, 'ApiGateway.defaults: redirect and rewrite belong to a route, not to gateway defaults');
  return resolvePolicies('ApiGateway.defaults', path, defaults, undefined);
}

/** `ApiGateway.defaultBackend` as IR (in the gateway's namespace unless it names its own). */
export function gatewayDefaultBackend(path: string, backend: Backend | undefined, namespace: string): BackendIR | undefined {
  if (backend === undefined) return undefined;
  if (!(backend instanceof Backend)) fail(path, 'ApiGateway.defaultBackend: must be created with Backend.service() or Backend.fromService()');
  const { ir, problem } = backend._toIR(namespace);
  if (problem) fail(path, `ApiGateway.defaultBackend: ${problem}`);
  return ir;
}

/** The objects of some constructs of one kind, with their paths. */
export function ownedBy(
  kind: OwnerKind, constructs: ReadonlyArray<{ readonly _ir: { readonly source: string }; readonly apiObjects: ApiObject[] }>,
): OwnedObjects {
  return constructs.map(c => [c._ir.source, kind, c.apiObjects]);
}

function byRoute(canaries: readonly CanaryIR[]): ReadonlyMap<string, readonly CanaryIR[]> {
  const out = new Map<string, CanaryIR[]>();
  for (const c of canaries) {
    const list = out.get(c.route);
    if (list) list.push(c); else out.set(c.route, [c]);
  }
  return out;
}
