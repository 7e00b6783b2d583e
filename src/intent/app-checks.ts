import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { Attachment, attachmentsOverlap, DefinedParent } from '../checks/attachment';
import { BackendReference, backendProblem, backendReferences, backendWarning, DefinedService, DefinedWorkload } from '../checks/backends';
import { routingClaims } from '../checks/claims';
import { objectKey, OwnerKind } from '../checks/owners';
import { tlsHostEntries } from '../checks/tls';
import { entries, register } from '../core/app-registry';
import { addSignature, passOf, rootOf, trackPasses } from '../core/synth-pass';
import { flag, WarningSpec } from '../core/warnings';
import { GatewayIR } from '../ir/model';

/**
 * What the whole-app checks need from one ApiGateway (kept small so that the gateway and this
 * module do not depend on each other's internals).
 */
export interface AppGateway {
  readonly node: IConstruct['node'];
  /** Changes whenever a construct is added to the gateway. */
  readonly _version: number;
  /**
   * The routing table this gateway's routes land in: ApiGateways with the same domain share one
   * controller configuration, e.g. `ingress-nginx class 'nginx'`. Undefined: shares nothing.
   */
  readonly _routingDomain: string | undefined;
  /** The existing parent (and listeners) the routes attach to, if any: routes on other listeners do not compete. */
  readonly _attachment?: Attachment;
  _gatewayIr(): GatewayIR;
  /** Every object the gateway and its constructs render, with the construct that owns it and its class. */
  _ownedObjects(): ReadonlyArray<readonly [string, OwnerKind, readonly ApiObject[]]>;
}

/** The app-wide check results, per construct tree, with the gateways' versions they were computed for. */
const CACHE = new WeakMap<IConstruct, { readonly version: string; readonly problems: ReadonlyMap<string, readonly string[]> }>();

/** Registers a gateway for the whole-app checks; called once by each ApiGateway. */
export function registerGateway(gateway: AppGateway): void {
  register(gateway, 'app-checks', 'gateways', gateway);
  trackPasses(gateway);
}

// Results memoised for a synth pass depend on every gateway's routes, TLS hosts and canaries.
addSignature(root => `gateways ${entries<AppGateway>(root, 'app-checks', 'gateways').map(g => g._version).join(',')}`);

/**
 * Problems the whole app has with one construct (a route, a canary, a gateway), computed once per
 * change of any gateway in the app and shared by every construct's validation. Pure: reads the
 * gateways' IR and allocated objects, creates nothing.
 */
export function appProblemsFor(gateway: AppGateway, source: string): readonly string[] {
  const gateways = entries<AppGateway>(gateway, 'app-checks', 'gateways');
  if (gateways.length < 2) return [];
  const root = rootOf(gateway);
  const version = `${gateways.length}:${gateways.map(g => g._version).join(',')}`;
  let cached = CACHE.get(root);
  if (cached?.version !== version) {
    cached = { version, problems: analyse(gateways) };
    CACHE.set(root, cached);
  }
  return cached.problems.get(source) ?? [];
}

function analyse(gateways: readonly AppGateway[]): ReadonlyMap<string, readonly string[]> {
  const problems = new Map<string, string[]>();
  const add = (source: string, message: string) => {
    const list = problems.get(source);
    if (!list) problems.set(source, [message]);
    else if (!list.includes(message)) list.push(message);
  };

  // 1. Two routes of different ApiGateways sharing a routing table, claiming the same host + match
  //    for different targets: the controller keeps one of them (the oldest object, or the first in
  //    its own order) and silently drops the other.
  //    Routes attached to different listeners of one parent never receive the same request.
  const claims = new Map<string, Array<{ source: string; gateway: string; target: string; attachment?: Attachment }>>();
  const parents = gateways.some(g => g._attachment) ? definedParents(gateways[0]) : [];
  for (const gw of gateways) {
    const domain = gw._routingDomain;
    if (domain === undefined) continue;
    const ir = gw._gatewayIr();
    for (const c of routingClaims(ir)) {
      // A default backend only conflicts with another default backend.
      const to = c.defaultBackend ? `default ${c.target}` : c.target;
      const what = c.defaultBackend ? 'the default backend (every request no route matches)' : c.what;
      const k = `${domain}\n${c.host}\n${c.key}`;
      const priors = claims.get(k);
      if (!priors) {
        claims.set(k, [{ source: c.source, gateway: ir.source, target: to, attachment: gw._attachment }]);
        continue;
      }
      const prior = priors.find(p => p.gateway !== ir.source && attachmentsOverlap(p.attachment, gw._attachment, parents));
      if (prior && prior.target !== to) {
        add(c.source, `${c.source === ir.source ? 'ApiGateway.defaultBackend' : 'Route.match'}: ${what} is already routed by [${prior.source}] of another ApiGateway `
          + `[${prior.gateway}] on the same ${domain} to a different backend, and the controller would silently keep only one of them; `
          + 'remove one of the routes, make their matches differ, or give the gateways different classes');
      }
      if (!priors.some(p => p.gateway === ir.source)) priors.push({ source: c.source, gateway: ir.source, target: to, attachment: gw._attachment });
    }
  }

  // 3. A host that one ApiGateway passes through (TLS to the backend) and another, on the same
  //    routing table, terminates: the controller routes SNI to one of them and silently breaks the
  //    other. Terminating hosts on the same table must also use the same certificate.
  const tls = new Map<string, { source: string; gateway: string; mode: string; secret?: string }>();
  for (const gw of gateways) {
    const domain = gw._routingDomain;
    if (domain === undefined) continue;
    const ir = gw._gatewayIr();
    for (const e of tlsHostEntries(ir)) {
      const k = `${domain}\n${e.host}`;
      const prior = tls.get(k);
      if (!prior) {
        tls.set(k, { source: e.source, gateway: ir.source, mode: e.mode, secret: e.secret });
      } else if (prior.gateway !== ir.source && (prior.mode !== e.mode || prior.secret !== e.secret)) {
        add(e.source, `TlsHost.hosts: [${e.source}] ${e.mode} '${e.host}' but [${prior.source}] of another ApiGateway [${prior.gateway}] on the same ${domain} `
          + `${prior.mode === e.mode ? `uses another certificate (${prior.secret})` : prior.mode} it, and the controller would silently serve only one of them; `
          + 'declare the host on one gateway, or give the gateways different classes');
      }
    }
  }

  // 2. Two ApiGateways rendering an object of the same kind, namespace and name: applying the
  //    manifests would keep one and silently replace the other.
  const owners = new Map<string, { source: string; gateway: string }>();
  for (const gw of gateways) {
    const gatewaySource = gw.node.path;
    for (const [source, kind, objects] of gw._ownedObjects()) {
      for (const o of objects) {
        const key = objectKey(o);
        const prior = owners.get(key);
        if (!prior) {
          owners.set(key, { source, gateway: gatewaySource });
        } else if (prior.gateway !== gatewaySource) {
          add(source, `${kind}${kind === 'TlsHost' ? '' : '.name'}: renders ${o.kind} '${o.name}' in namespace '${o.metadata.namespace ?? ''}', which [${prior.source}] `
            + `of another ApiGateway also renders, so one would replace the other; give one of them another ${kind === 'TlsHost' ? 'id' : "'name'"}, or the gateways other names`);
        }
      }
    }
  }
  // 4. Strict SNI is a setting of the whole controller instance (ApiGatewayProps.strictSni), written
  //    once per cluster: a second gateway setting it would write a second copy, which the
  //    controller may drop along with the first (Traefik drops every TLSOption named default then).
  let strict: string | undefined;
  for (const gw of gateways) {
    const ir = gw._gatewayIr();
    if (!ir.strictSni) continue;
    if (strict === undefined) { strict = ir.source; continue; }
    add(ir.source, `ApiGateway.strictSni: [${strict}] sets it too, and strict SNI is a setting of the whole controller instance, written once per cluster `
      + '(two copies may both be dropped); set it on one gateway only');
  }
  return problems;
}

/** App context key: a backend whose Service this app does not define is a synth error. */
export const STRICT_BACKENDS_CONTEXT = 'cdk8s-gateway:strict-backends';

/** The objects of the app that whole-app checks read, by kind. */
interface AppObjects {
  readonly parents: DefinedParent[];
  readonly services: DefinedService[];
  readonly workloads: DefinedWorkload[];
}

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'ReplicationController']);

type Json = Record<string, unknown> | undefined;
const obj = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : undefined);
const labelsOf = (v: unknown): Record<string, string> => Object.fromEntries(Object.entries(obj(v) ?? {}).filter(([, x]) => typeof x === 'string')) as Record<string, string>;

/**
 * Every Gateway / ListenerSet, Service and workload the app defines, whoever made it (an
 * ApiGateway, cdk8s-plus, a raw ApiObject, YAML pulled in with Include). Reads the objects' JSON,
 * once per app (rebuilt only if the app changed since, see `passOf`): call from validation only.
 */
export function appObjects(scope: IConstruct): AppObjects {
  const root = rootOf(scope);
  return passOf(root).memo(root, 'app-objects', () => readAppObjects(root));
}

function readAppObjects(root: IConstruct): AppObjects {
  const objects: AppObjects = { parents: [], services: [], workloads: [] };
  for (const c of root.node.findAll()) {
    if (!(c instanceof ApiObject)) continue;
    const namespace = c.metadata.namespace ?? 'default';
    if (c.apiVersion.startsWith('gateway.networking.k8s.io/') && (c.kind === 'Gateway' || c.kind === 'ListenerSet')) {
      const json = c.toJson() as { spec?: { listeners?: Array<{ name?: unknown; port?: unknown; hostname?: unknown }> } };
      const listeners = (json.spec?.listeners ?? []).filter(l => typeof l?.name === 'string').map(l => ({
        name: l.name as string,
        port: typeof l.port === 'number' ? l.port : undefined,
        hostname: typeof l.hostname === 'string' ? l.hostname : undefined,
      }));
      objects.parents.push({ kind: c.kind, name: c.name, namespace, listeners });
    } else if (c.apiVersion === 'v1' && c.kind === 'Service') {
      const spec = obj((c.toJson() as Json)?.spec);
      const ports = (Array.isArray(spec?.ports) ? spec!.ports as unknown[] : []).map(obj)
        .filter(p => typeof p?.port === 'number')
        .map(p => ({ port: p!.port as number, name: typeof p!.name === 'string' ? p!.name : undefined }));
      const selector = spec?.type === 'ExternalName' || obj(spec?.selector) === undefined ? undefined : labelsOf(spec!.selector);
      objects.services.push({ path: c.node.path, name: c.name, namespace, ports, selector });
    } else if (c.kind === 'Pod' && c.apiVersion === 'v1') {
      objects.workloads.push({ namespace, labels: labelsOf(obj((c.toJson() as Json)?.metadata)?.labels) });
    } else if (WORKLOAD_KINDS.has(c.kind) || c.kind === 'CronJob') {
      let spec = obj((c.toJson() as Json)?.spec);
      if (c.kind === 'CronJob') spec = obj(obj(spec?.jobTemplate)?.spec);
      objects.workloads.push({ namespace, labels: labelsOf(obj(obj(spec?.template)?.metadata)?.labels) });
    }
  }
  return objects;
}

/** Every Gateway API Gateway and ListenerSet the app defines, with its listener names. */
export function definedParents(scope: IConstruct): DefinedParent[] {
  return appObjects(scope).parents;
}

/** Backend problems of the construct at `source` of `gateway` (ports of Services the app defines; strict: undefined Services). */
export function backendProblemsFor(gateway: AppGateway, source: string): string[] {
  const refs = referencesOf(gateway, source);
  if (refs.length === 0) return [];
  const services = appObjects(gateway).services;
  const strict = passOf(gateway).memo(gateway, 'strict-backends', () => flag(gateway, STRICT_BACKENDS_CONTEXT, 'CDK8S_GATEWAY_STRICT_BACKENDS'));
  // Without Services in the app, only strict mode has something to say.
  if (services.length === 0 && !strict) return [];
  return [...new Set(refs.map(r => backendProblem(r, services, strict, STRICT_BACKENDS_CONTEXT)).filter((p): p is string => p !== undefined))];
}

/** `service-without-endpoints` warnings of the construct at `source` of `gateway`. */
export function backendWarningsFor(gateway: AppGateway, source: string): WarningSpec[] {
  const refs = referencesOf(gateway, source);
  if (refs.length === 0) return [];
  const { services, workloads } = appObjects(gateway);
  if (services.length === 0) return [];
  return refs.map(r => backendWarning(r, services, workloads)).filter((w): w is WarningSpec => w !== undefined);
}

/** The backends of each construct of a gateway, per gateway version. */
const REFERENCES = new WeakMap<AppGateway, { readonly version: number; readonly bySource: ReadonlyMap<string, BackendReference[]> }>();

function referencesOf(gateway: AppGateway, source: string): readonly BackendReference[] {
  let cached = REFERENCES.get(gateway);
  if (cached?.version !== gateway._version) {
    const bySource = new Map<string, BackendReference[]>();
    for (const r of backendReferences(gateway._gatewayIr())) bySource.set(r.source, [...bySource.get(r.source) ?? [], r]);
    cached = { version: gateway._version, bySource };
    REFERENCES.set(gateway, cached);
  }
  return cached.bySource.get(source) ?? [];
}
