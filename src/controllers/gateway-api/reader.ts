import { GROUP, HTTP_LISTENER } from './api';
import { ControllerReader, KubeObject, ReadOptions, ReadResult } from '../reader';
import { canaryHeader } from './features/canary';
import { RegexStyle } from './features/http-route';
import { schemeOnly } from './features/redirect';
import { ItemLog } from './read/items';
import { APP_PROTOCOLS, readRule, RuleRead } from './read/rules';
import type { AnnotationReading, ExtensionReadContext, ExtensionReading, GatewayApiReadExtension, ListenerOptionsReading, ReadRouteObject } from './read-extension';
import { ControllerName } from '../../capabilities/features';
import { RouteEntry, RouteTable } from '../../checks/route-table';
import { tlsNameServes, wildcardCovers as covers } from '../../core/hosts';
import {
  BackendIR, BackendTlsIR, CanaryIR, CanaryTrafficIR, CaRefIR, ClientAuthIR, DirectResponseIR, GatewayIR, HeaderMatchIR, HstsIR, MatchIR,
  PassthroughIR, RouteIR, TlsHostIR, TlsVersionIR,
} from '../../ir/model';
import { PoliciesIR } from '../../ir/policies';
import { readSuffixWildcards } from '../common/wildcard';

/** The kinds of the standard this reader accepts. */
const STANDARD_KINDS = new Set(['Gateway', 'HTTPRoute', 'GRPCRoute', 'TLSRoute', 'ReferenceGrant', 'BackendTLSPolicy']);
const ROUTE_KINDS = ['HTTPRoute', 'GRPCRoute'] as const;
type RouteKindName = typeof ROUTE_KINDS[number];

/** Object names our renderer gives to renderings that mean the same as others (see the README). */
const TLS_REDIRECT_NAME = /(^|-)https-redirect(-\d+)?$/;
const DEFAULT_BACKEND_NAME = /(^|-)default-backend$/;

/** The portable column: the standard only. */
const NO_READ_EXTENSION: GatewayApiReadExtension = {
  accepts: () => false,
  read: () => ({ routePolicies: new Map() }),
};

export interface GatewayApiReaderOptions {
  /** How regular expressions were written (Kong anchors them). Default 'as-is'. */
  readonly regex?: RegexStyle;
  /** Whether the core renders retries and session persistence (false: the extension's policies do). Default true. */
  readonly coreBackendPolicies?: boolean;
  /**
   * Whether a route attached to the HTTP listener only is served on plain HTTP only
   * (`RouteProtocols.HTTP_ONLY`). False where the implementation serves a route on every port
   * whatever its listener (Kong): the extension's annotations say it. Default true.
   */
  readonly listenerScheme?: boolean;
}

/**
 * Reads Gateway API manifests (Gateway, HTTPRoute, GRPCRoute, TLSRoute, ReferenceGrant,
 * BackendTLSPolicy; cert-manager Certificates and Services as context) into one GatewayIR per
 * parent Gateway. `extension` reads what the implementation adds (its policies, ExtensionRef
 * filters, route annotations).
 */
export function gatewayApiReader(
  name: ControllerName, extension: GatewayApiReadExtension = NO_READ_EXTENSION, options: GatewayApiReaderOptions = {},
): ControllerReader {
  return {
    name,
    accepts: (o: KubeObject) => isStandard(o) || extension.accepts(o),
    read: (objects: readonly KubeObject[], readOptions?: ReadOptions) => new Reading(
      objects, extension, options.regex ?? 'as-is', readOptions?.defaultNamespace ?? 'default', options.listenerScheme ?? true,
    ).run(),
    // Equivalences of the output: both sides of a comparison get the reading's form.
    normalize: (table: RouteTable): RouteTable => {
      const core = options.coreBackendPolicies ?? true;
      const express = (p: PoliciesIR) => (extension.expressed ?? (x => x))(core ? coreExpressed(p) : p);
      const listenerScheme = options.listenerScheme ?? true;
      return { ...table, routes: table.routes.map(r => ({ ...(listenerScheme ? httpOnlyExpressed(r, table) : r), policies: express(r.policies) })) };
    },
  };
}

/**
 * A host without a certificate is served on the HTTP listener only (the Gateway has no HTTPS
 * listener for it): `RouteProtocols.HTTP_ONLY` changes nothing there.
 */
function httpOnlyExpressed(e: RouteEntry, table: RouteTable): RouteEntry {
  if (e.protocols !== 'http' || e.host === '' || table.tls.some(t => tlsNameServes(t.host, e.host))) return e;
  const { protocols: _, ...rest } = e;
  return rest;
}

/**
 * What the standard fields say of a route's policies: a retry stanza also retries a connection
 * that could not be established (implementations always do: the request never reached the
 * backend), and session persistence has no SameSite field (GEP-1619: implementations set Strict).
 */
function coreExpressed(p: PoliciesIR): PoliciesIR {
  const out: { -readonly [k in keyof PoliciesIR]: PoliciesIR[k] } = { ...p };
  if (p.retries) out.retries = { ...p.retries, conditions: [...new Set([...p.retries.conditions, 'connect-failure' as const, 'reset' as const])].sort() };
  if (p.sessionAffinity && p.sessionAffinity.sameSite === undefined) out.sessionAffinity = { ...p.sessionAffinity, sameSite: 'Strict' };
  return out;
}

function isStandard(o: KubeObject): boolean {
  return typeof o?.apiVersion === 'string' && o.apiVersion.startsWith(`${GROUP}/`) && STANDARD_KINDS.has(o.kind);
}

interface Listener {
  readonly section: string;
  readonly protocol: string;
  readonly hostname?: string;
  readonly port: number;
  /** HTTPS: the certificate Secret `namespace/name` (undefined: refused). */
  readonly secret?: { readonly namespace: string; readonly name: string };
}

interface GatewayRead {
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  readonly object?: KubeObject;
  readonly listeners: Listener[];
  readonly clientAuth?: ClientAuthIR;
  /** Namespaces whose routes the listeners admit (undefined: any). */
  readonly admits: (namespace: string) => boolean;
}

interface Parent {
  readonly gateway: string;
  readonly section?: string;
}

interface RouteObject extends ReadRouteObject {
  /** What the extension read from its annotations. */
  readonly annotations: AnnotationReading;
  readonly parents: Parent[];
  readonly rules: RuleRead[];
  /** Its hostnames narrowed to those of the listeners it names (`sectionName`). */
  readonly effectiveHosts: string[];
}

class Reading {
  private readonly log: ItemLog;
  private readonly gateways = new Map<string, GatewayRead>();
  /** What the extension read from HTTPS listeners' tls.options, keyed `namespace/gateway#section`. */
  private readonly listenerOptions = new Map<string, ListenerOptionsReading>();
  private readonly grants: KubeObject[] = [];
  private readonly backendTls = new Map<string, BackendTlsIR>();
  private readonly certificates = new Set<string>();

  constructor(
    private readonly objects: readonly KubeObject[],
    private readonly ext: GatewayApiReadExtension,
    private readonly regex: RegexStyle,
    private readonly ns0: string,
    private readonly listenerScheme: boolean,
  ) {
    this.log = new ItemLog(ns0);
  }

  private ns(o: KubeObject): string {
    return o.metadata.namespace ?? this.ns0;
  }

  /** The `appProtocol` of a backend's Service port, when the Service is among the objects read (its item written once). */
  private appProtocol(b: BackendIR): string | undefined {
    for (const o of this.objects) {
      if (o?.kind !== 'Service' || o.apiVersion !== 'v1' || o.metadata?.name !== b.service || this.ns(o) !== b.namespace) continue;
      const ports = Array.isArray(o.spec?.ports) ? o.spec.ports as any[] : [];
      const i = ports.findIndex(p => p?.port === b.port);
      const value = ports[i]?.appProtocol;
      if (typeof value !== 'string') return undefined;
      const to = APP_PROTOCOLS[value];
      if (to) this.log.mapped(o, `spec.ports[${i}].appProtocol`, `Route.backendProtocol (${to}), Backend.fromServicePorts`, value);
      else this.log.unmapped(o, `spec.ports[${i}].appProtocol`, `appProtocol '${value}' is not a backend protocol the intent models`, value);
      return value;
    }
    return undefined;
  }

  public run(): ReadResult {
    const standard = this.objects.filter(isStandard);
    const of = (kind: string) => standard.filter(o => o.kind === kind);
    for (const o of this.objects) {
      if (o?.kind === 'Certificate' && typeof o.apiVersion === 'string' && o.apiVersion.startsWith('cert-manager.io/') && typeof o.spec?.secretName === 'string') {
        this.certificates.add(`${this.ns(o)}/${o.spec.secretName}`);
      }
    }
    for (const g of of('ReferenceGrant')) this.readGrant(g);
    for (const p of of('BackendTLSPolicy')) this.readBackendTlsPolicy(p);
    for (const g of of('Gateway')) this.readGateway(g);

    const routeObjects = ROUTE_KINDS.flatMap(k => of(k)).map(o => this.readRouteObject(o));
    const reading: ExtensionReading = this.ext.read(this.objects.filter(o => !isStandard(o) && this.ext.accepts(o)), this.extContext(routeObjects));
    const passthrough = of('TLSRoute').map(o => this.readTlsRoute(o)).filter((p): p is { gateway: string; ir: PassthroughIR } => p !== undefined);
    // Gateway API's `*.s` matches any depth: the intent's `**.s` (read last, see readSuffixWildcards).
    const gateways = this.assemble(routeObjects, reading, passthrough).map(readSuffixWildcards);
    return { gateways, items: this.log.result() };
  }

  private extContext(routes: readonly ReadRouteObject[]): ExtensionReadContext {
    return {
      defaultNamespace: this.ns0,
      routes,
      mapped: (o, f, to, v) => this.log.mapped(o, f, to, v),
      unmapped: (o, f, reason, v) => this.log.unmapped(o, f, reason, v),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Context objects

  private readGrant(g: KubeObject): void {
    this.grants.push(g);
    this.log.unknownKeys(g, 'spec', g.spec, ['from', 'to']);
    this.log.mapped(g, 'spec', 'nothing: it allows the cross-namespace references read from the routes and Gateways (the intent grants exactly what it references)', g.spec);
  }

  /** Whether a ReferenceGrant in `toNamespace` lets `fromKind` objects of `fromNamespace` refer to `toKind` `name`. */
  private granted(fromGroup: string, fromKind: string, fromNamespace: string, toKind: string, toNamespace: string, name: string): boolean {
    return this.grants.some(g => this.ns(g) === toNamespace
      && ((g.spec?.from ?? []) as any[]).some(f => f?.group === fromGroup && f?.kind === fromKind && f?.namespace === fromNamespace)
      && ((g.spec?.to ?? []) as any[]).some(t => (t?.group ?? '') === '' && t?.kind === toKind && (t?.name === undefined || t.name === name)));
  }

  private readBackendTlsPolicy(p: KubeObject): void {
    const spec = p.spec ?? {};
    this.log.unknownKeys(p, 'spec', spec, ['targetRefs', 'validation']);
    const v = spec.validation ?? {};
    this.log.unknownKeys(p, 'spec.validation', v, ['hostname', 'caCertificateRefs', 'wellKnownCACertificates']);
    let tls: BackendTlsIR | undefined;
    const cas = (v.caCertificateRefs ?? []) as any[];
    if (typeof v.hostname !== 'string') {
      this.log.unmapped(p, 'spec.validation.hostname', 'a BackendTLSPolicy needs the hostname to verify', v.hostname);
    } else if (cas.length === 1 && (cas[0]?.group ?? '') === '' && (cas[0]?.kind === 'Secret' || cas[0]?.kind === 'ConfigMap')) {
      tls = { hostname: v.hostname, ca: { kind: cas[0].kind, name: cas[0].name } as CaRefIR };
    } else if (cas.length === 0 && v.wellKnownCACertificates === 'System') {
      tls = { hostname: v.hostname };
    } else {
      this.log.unmapped(p, 'spec.validation.caCertificateRefs', 'the intent verifies a backend against one CA Secret or ConfigMap, or the system CAs', cas);
    }
    ((spec.targetRefs ?? []) as any[]).forEach((t, i) => {
      const field = `spec.targetRefs[${i}]`;
      if ((t?.group ?? '') !== '' || t?.kind !== 'Service') {
        this.log.unmapped(p, field, 'the intent re-encrypts to Services only', t);
      } else if (t.sectionName !== undefined) {
        this.log.unmapped(p, `${field}.sectionName`, 'the intent re-encrypts to a whole Service (all its ports)', t.sectionName);
      } else if (tls) {
        this.backendTls.set(`${this.ns(p)}/${t.name}`, tls);
        this.log.mapped(p, field, 'Backend.service(..., { tls: BackendTls.verify(...) })', t);
      }
    });
    if (tls) this.log.mapped(p, 'spec.validation', 'BackendTls.verify (hostname, CA)', v);
  }

  // -------------------------------------------------------------------------------------------
  // Gateways

  private readGateway(g: KubeObject): void {
    const ns = this.ns(g);
    const spec = g.spec ?? {};
    this.log.unknownKeys(g, 'spec', spec, ['gatewayClassName', 'listeners', 'tls'], 'a Gateway field the intent does not model (the platform team owns it)');
    if (spec.gatewayClassName !== undefined) this.log.mapped(g, 'spec.gatewayClassName', 'Controller (gatewayClassName)', spec.gatewayClassName);
    const listeners: Listener[] = [];
    let admits: ((n: string) => boolean) | undefined;
    ((spec.listeners ?? []) as any[]).forEach((l, i) => {
      const field = `spec.listeners[${i}]`;
      this.log.unknownKeys(g, field, l, ['name', 'hostname', 'port', 'protocol', 'tls', 'allowedRoutes']);
      const a = this.allowedRoutes(g, l?.allowedRoutes, `${field}.allowedRoutes`, ns);
      admits ??= a;
      const base = { section: l?.name, protocol: l?.protocol, hostname: l?.hostname, port: l?.port };
      if (l?.protocol === 'HTTP') {
        listeners.push(base);
        this.log.mapped(g, field, l.hostname === undefined ? 'ApiGateway (plain HTTP)' : 'ApiGateway.httpListeners (HttpListeners.PER_HOST: plain HTTP of this hostname)', l.hostname ?? l.name);
      } else if (l?.protocol === 'HTTPS' && (l.tls?.mode ?? 'Terminate') === 'Terminate') {
        const readOptions = this.ext.readListenerTlsOptions;
        this.log.unknownKeys(g, `${field}.tls`, l.tls, readOptions ? ['mode', 'certificateRefs', 'options'] : ['mode', 'certificateRefs']);
        if (readOptions && l.tls?.options !== undefined) {
          this.listenerOptions.set(`${ns}/${g.metadata.name}#${l.name}`, readOptions(g, `${field}.tls.options`, l.tls.options, this.extContext([])));
        }
        const refs = (l.tls?.certificateRefs ?? []) as any[];
        const ref = refs[0];
        if (refs.length !== 1 || (ref?.group ?? '') !== '' || (ref?.kind ?? 'Secret') !== 'Secret') {
          this.log.unmapped(g, `${field}.tls.certificateRefs`, 'the intent terminates TLS with one certificate Secret per host', refs);
          listeners.push(base);
          return;
        }
        const secretNs = ref.namespace ?? ns;
        if (secretNs !== ns && !this.granted(GROUP, 'Gateway', ns, 'Secret', secretNs, ref.name)) {
          this.log.unmapped(g, `${field}.tls.certificateRefs[0]`, `no ReferenceGrant in '${secretNs}' lets Gateways of '${ns}' use the Secret '${ref.name}': the cluster refuses it`, ref);
          listeners.push(base);
          return;
        }
        listeners.push({ ...base, secret: { namespace: secretNs, name: ref.name } });
        this.log.mapped(g, field, l.hostname === undefined ? 'TlsHost (hosts: the hostnames of the routes it serves; certificate)' : 'TlsHost (hosts, certificate)', l.hostname ?? l.name);
      } else if (l?.protocol === 'TLS' && l.tls?.mode === 'Passthrough') {
        listeners.push(base);
        this.log.mapped(g, field, 'TlsHost (TlsMode.passthrough)', l.hostname);
      } else {
        this.log.unmapped(g, field, `a ${l?.protocol} listener${l?.tls?.mode ? ` (${l.tls.mode})` : ''} has no intent meaning`, l?.name);
      }
    });
    if (listeners.length > 0 && !listeners.some(l => l.protocol === 'HTTP')) {
      this.log.unmapped(g, 'spec.listeners', 'the Gateway has no plain-HTTP listener, while the intent always serves plain HTTP (redirected to HTTPS for TLS hosts by default)', listeners.map(l => l.section));
    }
    let clientAuth: ClientAuthIR | undefined;
    if (spec.tls !== undefined) {
      this.log.unknownKeys(g, 'spec.tls', spec.tls, ['frontend']);
      const frontend = spec.tls.frontend ?? {};
      this.log.unknownKeys(g, 'spec.tls.frontend', frontend, ['default']);
      const v = frontend.default?.validation ?? {};
      this.log.unknownKeys(g, 'spec.tls.frontend.default', frontend.default, ['validation']);
      const cas = (v.caCertificateRefs ?? []) as any[];
      const mode = v.mode ?? 'AllowValidOnly';
      const local = (c: any) => (c?.group ?? '') === '' && (c?.kind === 'Secret' || c?.kind === 'ConfigMap') && c.namespace === undefined;
      if (cas.length >= 1 && cas.every(local) && mode === 'AllowValidOnly') {
        const [first, ...more] = cas.map(c => ({ kind: c.kind as 'Secret' | 'ConfigMap', name: String(c.name) }));
        clientAuth = more.length > 0 ? { required: true, ca: first, additionalCas: more } : { required: true, ca: first };
        this.log.mapped(g, 'spec.tls.frontend.default.validation', 'TlsHost.clientAuth (ClientAuth.required)', v);
      } else {
        this.log.unmapped(g, 'spec.tls.frontend.default.validation', mode !== 'AllowValidOnly'
          ? `mode '${mode}' also admits clients with an invalid certificate, which the intent cannot express`
          : 'the intent verifies client certificates against CA Secrets or ConfigMaps beside the certificate', v);
      }
    }
    const key = `${ns}/${g.metadata.name}`;
    ((spec.listeners ?? []) as any[]).forEach((l, i) => {
      if (this.listenerOptions.get(`${key}#${l?.name}`)?.optionalClientCertificate && !clientAuth) {
        this.log.unmapped(g, `spec.listeners[${i}].tls.options`, 'an optional client certificate is verified against the CA of spec.tls.frontend, which this Gateway does not set', l.tls.options);
      }
    });
    this.gateways.set(key, { key, namespace: ns, name: g.metadata.name, object: g, listeners, clientAuth, admits: admits ?? (n => n === ns) });
  }

  private allowedRoutes(g: KubeObject, a: any, field: string, ns: string): (n: string) => boolean {
    if (a === undefined) return n => n === ns;
    this.log.unknownKeys(g, field, a, ['namespaces'], 'route kinds are not modelled: the intent renders the kinds it needs');
    const from = a.namespaces?.from ?? 'Same';
    if (from === 'Same') return n => n === ns;
    if (from === 'All') {
      this.log.mapped(g, field, 'routes of every namespace attach (the intent admits exactly the namespaces of its routes)', a);
      return () => true;
    }
    const exprs = (a.namespaces?.selector?.matchExpressions ?? []) as any[];
    const byName = exprs.length === 1 && exprs[0].key === 'kubernetes.io/metadata.name' && exprs[0].operator === 'In' && a.namespaces.selector.matchLabels === undefined;
    if (from === 'Selector' && byName) {
      this.log.mapped(g, field, 'Route.namespace (the namespaces of the routes)', a);
      const values: string[] = exprs[0].values ?? [];
      return n => values.includes(n);
    }
    this.log.unmapped(g, field, 'a namespace label selector cannot be evaluated without the Namespaces: routes are read as admitted', a);
    return () => true;
  }

  private gatewayFor(key: string, kind: 'Gateway' | 'ListenerSet'): GatewayRead {
    let g = this.gateways.get(key);
    if (!g) {
      const [namespace, name] = key.split('/');
      g = { key, namespace, name, listeners: [], admits: () => true };
      this.gateways.set(key, g);
      void kind;
    }
    return g;
  }

  // -------------------------------------------------------------------------------------------
  // Routes

  private readRouteObject(o: KubeObject): RouteObject {
    const kind = o.kind as RouteKindName;
    const ns = this.ns(o);
    const spec = o.spec ?? {};
    const ref = this.log.ref(o);
    this.log.unknownKeys(o, 'spec', spec, ['parentRefs', 'hostnames', 'rules']);
    const parents: Parent[] = [];
    ((spec.parentRefs ?? []) as any[]).forEach((p, i) => {
      const field = `spec.parentRefs[${i}]`;
      this.log.unknownKeys(o, field, p, ['group', 'kind', 'name', 'namespace', 'sectionName', 'port']);
      const pkind = p?.kind ?? 'Gateway';
      if ((p?.group ?? GROUP) !== GROUP || (pkind !== 'Gateway' && pkind !== 'ListenerSet')) {
        this.log.unmapped(o, field, `a parent of kind '${pkind}' is not a Gateway`, p);
        return;
      }
      if (p.port !== undefined) this.log.unmapped(o, `${field}.port`, 'an imported ApiGateway owns its Gateway and attaches each route to the listeners of its hosts; write attachTo.port to attach to an existing Gateway by port', p.port);
      const key = `${p.namespace ?? ns}/${p.name}`;
      const g = this.gatewayFor(key, pkind);
      if (g.object && !g.admits(ns)) {
        this.log.unmapped(o, field, `the Gateway '${key}' does not admit routes from namespace '${ns}': the cluster refuses the attachment`, p);
        return;
      }
      parents.push({ gateway: key, section: p.sectionName });
      this.log.mapped(o, field, pkind === 'ListenerSet' ? 'Controller attachTo (ListenerSet)' : 'ApiGateway (the Gateway the route attaches to)', p);
    });
    const hosts = [...new Set(((spec.hostnames ?? []) as string[]))].sort();
    if (hosts.length > 0) this.log.mapped(o, 'spec.hostnames', 'Route.hosts', hosts);
    const source = ref;
    const rules = ((spec.rules ?? []) as any[]).map((r, i) => readRule(o, kind, r, i, {
      log: this.log,
      regex: this.regex,
      source,
      backend: (b, field) => this.backend(o, kind, b, field),
      extensionFilter: f => this.ext.readFilter?.(f, this.routeView(o, kind, hosts, parents, []), this.objects, this.extContext([])),
      appProtocol: b => this.appProtocol(b),
    }));
    const effectiveHosts = this.effectiveHosts(o, hosts, parents);
    const served = rules.filter(r => r.matches.length > 0);
    const view = this.routeView(o, kind, hosts, parents, served);
    const annotations = this.ext.readRouteAnnotations?.(view, this.extContext([]), this.objects) ?? { policies: {} };
    return { ...view, annotations, parents, rules: served, effectiveHosts };
  }

  /**
   * A route attached only to listeners with hostnames serves the intersection of its hostnames
   * and theirs (all of theirs when it names none).
   */
  private effectiveHosts(o: KubeObject, hosts: string[], parents: Parent[]): string[] {
    const listenerOf = (p: Parent) => this.gateways.get(p.gateway)?.listeners.find(l => l.section === p.section);
    const listeners = parents.map(p => (p.section === undefined ? undefined : listenerOf(p)));
    if (parents.length === 0 || listeners.some(l => l?.hostname === undefined)) return hosts;
    const out = new Set<string>();
    const hostnames = listeners.map(l => l!.hostname!);
    if (hosts.length === 0) hostnames.forEach(lh => out.add(lh));
    for (const h of hosts) {
      // A host one listener takes whole is served whole (a wildcard route is also attached to the
      // more specific listeners under it, which take those names first: per-host HTTP listeners).
      if (hostnames.some(lh => h === lh || covers(lh, h))) out.add(h);
      else hostnames.filter(lh => covers(h, lh)).forEach(lh => out.add(lh));
    }
    const narrowed = [...out].sort();
    if (!sameList(narrowed, hosts)) this.log.mapped(o, 'spec.parentRefs', `Route.hosts (${narrowed.join(', ')}: the hostnames of the listeners it attaches to)`, parents.map(p => p.section));
    return narrowed;
  }

  private routeView(o: KubeObject, kind: RouteKindName, hosts: string[], parents: Parent[], rules: RuleRead[]): ReadRouteObject {
    return {
      kind,
      namespace: this.ns(o),
      name: o.metadata.name,
      ref: this.log.ref(o),
      object: o,
      hosts,
      matches: rules.flatMap(r => r.matches),
      gateways: [...new Set(parents.map(p => p.gateway))],
      redirectOnly: rules.length > 0 && rules.every(r => r.backends.length === 0 && r.policies.redirect !== undefined),
    };
  }

  private backend(o: KubeObject, fromKind: string, ref: any, field: string): BackendIR | undefined {
    const ns = this.ns(o);
    if ((ref?.group ?? '') !== '' || (ref?.kind ?? 'Service') !== 'Service') {
      this.log.unmapped(o, field, `a backend of kind '${ref?.kind}' is not a Service`, ref);
      return undefined;
    }
    if (typeof ref.port !== 'number') {
      this.log.unmapped(o, field, 'a Service backend needs a port', ref);
      return undefined;
    }
    const namespace = ref.namespace ?? ns;
    if (namespace !== ns && !this.granted(GROUP, fromKind, ns, 'Service', namespace, ref.name)) {
      this.log.unmapped(o, field, `no ReferenceGrant in '${namespace}' lets ${fromKind}s of '${ns}' use the Service '${ref.name}': the cluster refuses it`, ref);
      return undefined;
    }
    const tls = this.backendTls.get(`${namespace}/${ref.name}`);
    return { service: ref.name, namespace, port: ref.port, weight: 1, ...(tls ? { tls } : {}) };
  }

  private readTlsRoute(o: KubeObject): { gateway: string; ir: PassthroughIR } | undefined {
    const spec = o.spec ?? {};
    const ns = this.ns(o);
    this.log.unknownKeys(o, 'spec', spec, ['parentRefs', 'hostnames', 'rules']);
    const parents = ((spec.parentRefs ?? []) as any[]).map(p => `${p?.namespace ?? ns}/${p?.name}`);
    const rules = (spec.rules ?? []) as any[];
    const refs = rules.flatMap(r => (r?.backendRefs ?? []) as any[]);
    const hosts = [...new Set((spec.hostnames ?? []) as string[])].sort();
    if (new Set(parents).size !== 1 || rules.length !== 1 || refs.length !== 1 || hosts.length === 0) {
      this.log.unmapped(o, 'spec', 'the intent passes TLS through to one backend per set of hostnames on one Gateway', spec);
      return undefined;
    }
    const resolved = this.backend(o, 'TLSRoute', refs[0], 'spec.rules[0].backendRefs[0]');
    if (!resolved) return undefined;
    // The client's TLS reaches the backend untouched: a BackendTLSPolicy does not apply to it.
    const { tls: _tls, ...backend } = resolved;
    this.log.mapped(o, 'spec.parentRefs', 'ApiGateway (passthrough listeners)', spec.parentRefs);
    this.log.mapped(o, 'spec.hostnames', 'TlsHost.hosts (TlsMode.passthrough)', hosts);
    this.log.mapped(o, 'spec.rules[0].backendRefs[0]', 'TlsMode.passthrough(backend)', refs[0]);
    this.gatewayFor(parents[0], 'Gateway');
    const ref = this.log.ref(o);
    return { gateway: parents[0], ir: { mode: 'Passthrough', source: ref, name: o.metadata.name, hosts, backend } };
  }

  // -------------------------------------------------------------------------------------------
  // Assembly: one GatewayIR per parent Gateway

  private assemble(routeObjects: RouteObject[], reading: ExtensionReading, passthrough: Array<{ gateway: string; ir: PassthroughIR }>): GatewayIR[] {
    const out: GatewayIR[] = [];
    // Objects attached to no Gateway: only TLS redirects our renderer left unattached mean something.
    const detached = routeObjects.filter(r => r.parents.length === 0);
    const tlsRedirectHosts = new Map<string, Set<string>>();
    const consumed = new Set<string>();
    for (const r of detached) {
      const g = [...this.gateways.values()].find(gw => gw.namespace === r.namespace && this.isTlsRedirect(r, gw, true));
      if (g) {
        r.hosts.forEach(h => setOf(tlsRedirectHosts, g.key).add(h));
        consumed.add(r.ref);
        this.log.mapped(r.object, 'spec', 'TlsHost.httpsRedirect (the hosts\' own routes redirect them: this object is attached to no listener)', r.object.metadata.name);
      } else {
        // Refused parentRefs have their own items.
        if (!(r.object.spec?.parentRefs?.length > 0)) this.log.unmapped(r.object, 'spec.parentRefs', 'the route is attached to no Gateway, so it serves nothing', r.object.spec?.parentRefs);
        consumed.add(r.ref);
      }
    }
    const keys = [...new Set([...this.gateways.keys()])].sort();
    for (const key of keys) {
      const gw = this.gateways.get(key)!;
      const attached = routeObjects.filter(r => !consumed.has(r.ref) && r.parents.some(p => p.gateway === key));
      const own = passthrough.filter(p => p.gateway === key).map(p => p.ir);
      const ir = this.gatewayIr(gw, attached, reading, own, tlsRedirectHosts.get(key) ?? new Set());
      if (ir) out.push(ir);
    }
    return out;
  }

  /**
   * An HTTPS listener without a hostname serves the hostnames of the routes attached to it that
   * no listener with a hostname takes: one TLS host per such hostname.
   */
  private withRouteHosts(gw: GatewayRead, attached: readonly RouteObject[]): GatewayRead {
    const named = gw.listeners.filter(l => l.protocol === 'HTTPS' && l.secret && l.hostname);
    const listeners: Listener[] = [];
    for (const l of gw.listeners) {
      if (l.protocol !== 'HTTPS' || !l.secret || l.hostname !== undefined) { listeners.push(l); continue; }
      const hosts = new Set<string>();
      for (const r of attached) {
        if (!r.parents.some(p => p.gateway === gw.key && (p.section === undefined || p.section === l.section))) continue;
        for (const h of r.effectiveHosts) if (!named.some(n => n.hostname === h || covers(n.hostname!, h))) hosts.add(h);
      }
      listeners.push(l, ...[...hosts].sort().map(hostname => ({ ...l, hostname })));
    }
    return { ...gw, listeners };
  }

  /** Whether the object is the HTTP-to-HTTPS redirect of TLS hosts of `gw` (a TlsHost's default redirect). */
  private isTlsRedirect(r: RouteObject, gw: GatewayRead, detached: boolean): boolean {
    if (r.kind !== 'HTTPRoute' || r.rules.length !== 1 || r.hosts.length === 0) return false;
    if (!detached && !TLS_REDIRECT_NAME.test(r.name)) return false;
    const rule = r.rules[0];
    const red = rule.policies.redirect;
    const others = Object.keys(rule.policies).filter(k => k !== 'redirect');
    if (!red || rule.schemeRedirect !== 'https' || red.statusCode !== 301 || others.length > 0 || rule.hsts || rule.mirror) return false;
    if (rule.matches.length !== 1 || !isCatchAll(rule.matches[0])) return false;
    if (!detached && r.parents.some(p => p.gateway === gw.key && p.section !== undefined && !this.isHttpSection(gw, p.section))) return false;
    return r.hosts.every(h => this.tlsListenerFor(gw, h) !== undefined);
  }

  /** Whether `section` names a plain-HTTP listener of `gw` (the one shared `http`, or one per hostname). */
  private isHttpSection(gw: GatewayRead, section: string): boolean {
    const http = gw.listeners.filter(l => l.protocol === 'HTTP');
    return http.length === 0 ? section === HTTP_LISTENER : http.some(l => l.section === section);
  }

  /** The HTTPS listener serving `host` (its own hostname, else a wildcard covering it). */
  private tlsListenerFor(gw: GatewayRead, host: string): Listener | undefined {
    const tls = gw.listeners.filter(l => l.protocol === 'HTTPS' && l.secret && l.hostname);
    return tls.find(l => l.hostname === host) ?? tls.find(l => covers(l.hostname!, host));
  }

  private gatewayIr(
    gw: GatewayRead, attached: RouteObject[], reading: ExtensionReading, passthroughHosts: PassthroughIR[], tlsRedirectHosts: Set<string>,
  ): GatewayIR | undefined {
    gw = this.withRouteHosts(gw, attached);
    const source = gw.object ? this.log.ref(gw.object) : `Gateway ${gw.key}`;
    const onHttp = (r: RouteObject) => r.parents.some(p => p.gateway === gw.key && (p.section === undefined || this.isHttpSection(gw, p.section)));

    // 1. The TLS hosts' own redirects.
    const routes = attached.filter(r => {
      if (!this.isTlsRedirect(r, gw, false)) return true;
      r.hosts.forEach(h => tlsRedirectHosts.add(h));
      this.log.mapped(r.object, 'spec.rules[0].filters[0]', 'TlsHost.httpsRedirect (the default)', r.rules[0].policies.redirect?.scheme);
      return false;
    });

    // 2. A route's own scheme-only redirect beside its served objects: the redirect half joins them.
    const redirectOf = new Map<string, RuleRead['policies']['redirect']>();
    const served = routes.filter(r => !r.redirectOnly);
    const rest: RouteObject[] = [];
    for (const r of routes) {
      const scheme = r.redirectOnly && r.rules.every(x => x.schemeRedirect !== undefined) ? r.rules[0].schemeRedirect : undefined;
      const isTwin = (s: RouteObject) => s.namespace === r.namespace && sameList(s.hosts, r.hosts)
        && sameMatches(s.matches, r.matches) && !redirectOf.has(s.ref);
      const twin = scheme ? served.find(isTwin) : undefined;
      if (twin) {
        redirectOf.set(twin.ref, r.rules[0].policies.redirect);
        this.log.mapped(r.object, 'spec.rules', `Route.redirect of ${twin.ref} (plain ${scheme === 'https' ? 'HTTP' : 'HTTPS'} side)`, r.object.metadata.name);
      } else {
        rest.push(r);
      }
    }

    // 3. The default backend.
    let defaultBackend: BackendIR | undefined;
    let defaultBackendSource: string | undefined;
    const candidates = rest.filter(r => {
      const only = r.rules[0];
      const isDefault = !defaultBackend && r.kind === 'HTTPRoute' && DEFAULT_BACKEND_NAME.test(r.name) && r.hosts.length === 0 && r.rules.length === 1
        && only.matches.length === 1 && isCatchAll(only.matches[0]) && only.backends.length === 1 && Object.keys(only.policies).length === 0
        && !only.mirror && !reading.routePolicies.has(r.ref);
      if (!isDefault) return true;
      defaultBackend = only.backends[0];
      defaultBackendSource = r.ref;
      this.log.mapped(r.object, 'spec.rules[0].backendRefs[0]', 'ApiGateway.defaultBackend', only.backends[0].service);
      return false;
    });

    // 4. Routes: rules with the same policies and backends form one route.
    const drafts: Draft[] = [];
    const canaryObjects: RouteObject[] = [];
    for (const r of candidates) {
      if (this.maybeCanaryObject(r)) canaryObjects.push(r);
      drafts.push(...this.drafts(r, reading.routePolicies.get(r.ref), redirectOf.get(r.ref), this.httpOnly(r, gw)));
    }
    // Header / cookie canaries: an object whose matches are another route's plus one condition.
    const folded = new Set<Draft>();
    const canaries: CanaryIR[] = [];
    for (const c of canaryObjects) {
      const d = drafts.find(x => x.object === c);
      if (!d) continue;
      const fold = this.foldCanary(d, drafts.filter(x => x !== d && !folded.has(x)));
      if (fold) {
        folded.add(d);
        mergeCanary(canaries, fold);
        this.log.mapped(c.object, 'spec.rules', `CanarySplit (${fold.traffic.kind}) of ${fold.route}`, c.object.metadata.name);
      }
    }
    const routeDrafts = drafts.filter(d => !folded.has(d));
    // Weighted canaries and mirrors on the stable route's own rules.
    for (const d of routeDrafts) canaries.push(...this.stableCanaries(d, canaries));

    // 5. TLS hosts: per HTTPS listener, grouped by certificate and settings.
    const tlsHosts = this.tlsHosts(gw, routeDrafts, folded, reading, tlsRedirectHosts, onHttp);
    // A route HTTPS-only by its annotations (Kong's 308) on a host whose TLS host does not redirect: its own redirect.
    const redirectingTls = (h: string) => tlsHosts.some(t => t.httpsRedirect && t.hosts.includes(this.tlsListenerFor(gw, h)?.hostname ?? ''));
    for (const d of routeDrafts) {
      if (d.object.annotations.httpsRedirect !== true || d.ir.policies.redirect || d.ir.hosts.every(redirectingTls)) continue;
      (d as { ir: RouteIR }).ir = { ...d.ir, policies: { ...d.ir.policies, redirect: { source: d.ir.source, scheme: 'https', statusCode: 308 } } };
    }
    // A TLS host that does not redirect serves its routes over plain HTTP too (the intent's meaning),
    // unless a route's own Redirect.toHttps() redirects the host's whole plain HTTP (the renderer
    // then leaves the TlsHost's redirect out: the route table counts the host as redirected).
    const wholeRedirects = routeDrafts.filter(d => schemeOnly(d.ir.policies.redirect) === 'https' && d.ir.matches.some(isCatchAll));
    // Hostnames as Gateway API reads them: `*.s` matches any depth, so it also redirects `*.a.s`.
    const redirectedAsAWhole = (h: string) => wholeRedirects.some(d => d.ir.hosts.length === 0 || d.ir.hosts.some(x => x === h || (x.startsWith('*.') && h.endsWith(x.slice(1)))));
    const reported = new Set<string>();
    for (const d of routeDrafts) {
      const redirectsScheme = schemeOnly(d.ir.policies.redirect) !== undefined || d.ir.protocols === 'https';
      const plain = d.ir.hosts.filter(h => !redirectedAsAWhole(h)
        && tlsHosts.some(t => !t.httpsRedirect && t.hosts.includes(this.tlsListenerFor(gw, h)?.hostname ?? '')));
      if (redirectsScheme || plain.length === 0 || onHttp(d.object) || reported.has(d.object.ref)) continue;
      reported.add(d.object.ref);
      this.log.unmapped(d.object.object, 'spec.parentRefs', `it is attached to HTTPS listeners only and nothing redirects plain HTTP for ${plain.join(', ')}: the intent serves a TLS host's routes over plain HTTP too, unless the host redirects to HTTPS (TlsHost.httpsRedirect)`, d.object.object.spec?.parentRefs);
    }

    const routeIrs = routeDrafts.map(d => d.ir);
    const canariesByRoute = new Map<string, CanaryIR[]>();
    for (const c of canaries) canariesByRoute.set(c.route, [...(canariesByRoute.get(c.route) ?? []), c]);
    if (!gw.object && routeIrs.length === 0 && passthroughHosts.length === 0 && !defaultBackend) return undefined;
    return {
      source,
      name: gw.name,
      namespace: gw.namespace,
      routes: routeIrs,
      tlsHosts,
      passthroughHosts: this.checkedPassthrough(gw, passthroughHosts),
      ...(defaultBackend ? { defaultBackend, defaultBackendSource } : {}),
      canaries,
      canariesByRoute,
      // Plain-HTTP listeners with hostnames: one per hostname (ApiGateway.httpListeners).
      ...(gw.listeners.some(l => l.protocol === 'HTTP' && l.hostname !== undefined) ? { httpListeners: 'per-host' as const } : {}),
    };
  }

  /** Passthrough hosts need a TLS passthrough listener for each hostname. */
  private checkedPassthrough(gw: GatewayRead, hosts: PassthroughIR[]): PassthroughIR[] {
    if (!gw.object) return hosts;
    const names = new Set(gw.listeners.filter(l => l.protocol === 'TLS').map(l => l.hostname));
    return hosts.filter(p => p.hosts.every(h => names.has(h)));
  }

  /**
   * Whether the object serves plain HTTP only (`RouteProtocols.HTTP_ONLY`): attached to this
   * Gateway's HTTP listener only although it has no hosts or a host with an HTTPS listener (the
   * core's attachment), or as the extension's annotations say.
   */
  private httpOnly(r: RouteObject, gw: GatewayRead): boolean {
    if (!this.listenerScheme) return r.annotations.protocols === 'http';
    const mine = r.parents.filter(p => p.gateway === gw.key);
    if (mine.length === 0 || !mine.every(p => p.section !== undefined && this.isHttpSection(gw, p.section))) return false;
    // Hosts without an HTTPS listener are served over plain HTTP only anyway: that is the default.
    return r.effectiveHosts.length === 0 || r.effectiveHosts.some(h => this.tlsListenerFor(gw, h) !== undefined);
  }

  /** The route drafts of one object: its rules grouped by policies and (stable) backends. */
  private drafts(r: RouteObject, extPolicies: PoliciesIR | undefined, redirect: RuleRead['policies']['redirect'] | undefined, httpOnly: boolean): Draft[] {
    const groups = new Map<string, {
      rules: RuleRead[]; policies: PoliciesIR; backends: BackendIR[]; ruleName?: string; mirrors?: RuleRead['mirrors']; directResponse?: DirectResponseIR;
    }>();
    const names = new Set(r.rules.map(x => x.name));
    // Rules named `<name>-<n>` beside a rule `<name>` are further rules of one route (the renderer's numbering).
    const baseName = (n: string | undefined) => {
      const m = n === undefined ? null : /^(.+)-(\d+)$/.exec(n);
      return m && names.has(m[1]) ? m[1] : n;
    };
    for (const rule of r.rules) {
      if (rule.matches.length === 0) continue;
      // Two weighted backends are a weighted canary, unless a backend has header rules of its own (a canary's cannot).
      const weightedPair = rule.weighted && rule.backends.length === 2 && !rule.backends.some(b => b.headers);
      const backends = weightedPair ? [{ ...rule.backends[0], weight: 1 }] : rule.backends;
      // Several mirrors on a rule are a route's (a canary has one).
      const mirrors = rule.mirrors.length > 1 ? rule.mirrors : undefined;
      const directResponse = rule.directResponse;
      // A responding route takes no policy: the route object's policies belong to its other rules.
      const policies: PoliciesIR = directResponse
        ? {}
        : { ...rule.policies, ...r.annotations.policies, ...(extPolicies ?? {}), ...(redirect ? { redirect } : {}) };
      if (rule.policies.timeouts && extPolicies?.timeouts) {
        (policies as { timeouts?: unknown }).timeouts = { ...rule.policies.timeouts, ...extPolicies.timeouts };
      }
      const ruleName = baseName(rule.name);
      const key = JSON.stringify([policies, backends, mirrors ?? null, ruleName ?? null, directResponse ?? null]);
      const g = groups.get(key) ?? { rules: [], policies, backends, mirrors, ruleName, directResponse };
      g.rules.push(rule);
      groups.set(key, g);
    }
    const many = groups.size > 1;
    return [...groups.values()].map(g => {
      const source = many ? `${r.ref}#rules[${g.rules.map(x => x.index).join(',')}]` : r.ref;
      const matches: MatchIR[] = [];
      const treatment: Treatment[] = [];
      for (const rule of g.rules) {
        for (const m of rule.matches) {
          if (matches.some(x => sameMatch(x, m))) continue;
          matches.push(m);
          treatment.push({
            weights: rule.weighted && rule.backends.length === 2 && !rule.backends.some(b => b.headers)
              ? { stable: rule.backends[0].weight, canary: rule.backends[1].weight, backend: { ...rule.backends[1], weight: 1 } }
              : undefined,
            mirror: g.mirrors ? undefined : rule.mirror,
          });
        }
      }
      const ir: RouteIR = {
        source,
        name: r.name,
        namespace: r.namespace,
        hosts: redirect ? r.hosts : r.effectiveHosts,
        matches,
        backends: g.backends,
        policies: withSource(g.policies, source),
        ...(g.ruleName !== undefined ? { ruleName: g.ruleName } : {}),
        ...(g.mirrors ? { mirrors: g.mirrors } : {}),
        ...(g.directResponse ? { directResponse: g.directResponse } : {}),
        // A scheme-changing redirect attaches by scheme itself (and cannot be HTTP-only).
        ...(httpOnly && g.policies.redirect?.scheme === undefined ? { protocols: 'http' as const } : {}),
        ...(r.annotations.protocols === 'https' ? { protocols: 'https' as const } : {}),
      };
      return { object: r, ir, treatment, hsts: g.rules.find(x => x.hsts)?.hsts, rules: g.rules };
    });
  }

  private maybeCanaryObject(r: RouteObject): boolean {
    return r.kind === 'HTTPRoute' && r.rules.length > 0
      && r.rules.every(x => x.backends.length === 1 && !x.backends[0].headers && !x.weighted && Object.keys(x.policies).length === 0);
  }

  /** A header / cookie canary: `d`'s matches are those of a stable route plus one canary condition. */
  private foldCanary(d: Draft, stables: Draft[]): CanaryIR | undefined {
    for (const s of stables) {
      if (s.object.namespace !== d.object.namespace || s.ir.backends.length !== 1 || s.ir.backends[0].headers || s.ir.policies.redirect) continue;
      const ownPolicies = Object.keys(s.ir.policies).filter(k => k !== 'backendProtocol');
      if (ownPolicies.length > 0 || s.object.kind !== 'HTTPRoute') continue;
      if (s.ir.hosts.length === 0 ? d.ir.hosts.length > 0 : !d.ir.hosts.every(h => s.ir.hosts.includes(h))) continue;
      // A canary takes the stable route's schemes, rule name and policies: a route of other schemes (e.g.
      // Kong's HTTPS-only annotation), rule name or with policies of its own (annotations) is a route of its own.
      if (d.ir.protocols !== s.ir.protocols || d.ir.ruleName !== s.ir.ruleName) continue;
      if (Object.keys(d.ir.policies).some(k => k !== 'backendProtocol')) continue;
      if (d.ir.hosts.length === 0 && s.ir.hosts.length > 0) continue;
      const canary = d.ir.backends[0];
      if (sameBackend(canary, s.ir.backends[0])) continue;
      let condition: HeaderMatchIR | undefined;
      const indexes: number[] = [];
      let ok = true;
      for (const m of d.ir.matches) {
        const found = m.headers.map(h => ({ h, i: s.ir.matches.findIndex(x => sameMatch(x, { ...m, headers: m.headers.filter(y => y !== h) })) }))
          .find(x => x.i >= 0 && trafficOf(x.h) !== undefined && (!condition || sameHeader(condition, x.h)));
        if (!found) { ok = false; break; }
        condition = found.h;
        indexes.push(found.i);
      }
      if (!ok || !condition) continue;
      const traffic = trafficOf(condition)!;
      // The canary's mirror is on its own rules and on the stable rules of its matches.
      const mirror = d.treatment[0]?.mirror;
      if (!d.treatment.every(t => sameMirror(t.mirror, mirror))) continue;
      // ... and the stable rules of those matches carry the same mirror (no mirror of their own).
      if (s.ir.mirrors || !indexes.every(i => sameMirror(s.treatment[i]?.mirror, mirror))) continue;
      return {
        source: d.ir.source,
        name: d.ir.name,
        namespace: d.ir.namespace,
        route: s.ir.source,
        hosts: d.ir.hosts,
        allHosts: sameList(d.ir.hosts, s.ir.hosts),
        matchIndexes: [...new Set(indexes)].sort((a, b) => a - b),
        stable: s.ir.backends[0],
        canary,
        traffic,
        ...(mirror ? { mirror } : {}),
      };
    }
    return undefined;
  }

  /** Weighted canaries (and mirrors of header canaries) on a stable route's own rules. */
  private stableCanaries(d: Draft, conditioned: CanaryIR[]): CanaryIR[] {
    const out: CanaryIR[] = [];
    const byKey = new Map<string, number[]>();
    d.treatment.forEach((t, i) => {
      if (!t.weights && !t.mirror) return;
      const key = JSON.stringify([t.weights ?? null, t.mirror ?? null]);
      byKey.set(key, [...(byKey.get(key) ?? []), i]);
    });
    for (const [key, indexes] of byKey) {
      const [w, mirror] = JSON.parse(key) as [Treatment['weights'] | null, Treatment['mirror'] | null];
      if (!w) {
        // A mirror without weights belongs to a header / cookie canary of these matches.
        const owns = (c: CanaryIR) => c.route === d.ir.source && indexes.every(i => c.matchIndexes.includes(i))
          && sameMirror(c.mirror, mirror ?? undefined);
        const owner = conditioned.find(owns);
        if (!owner && mirror && byKey.size === 1 && indexes.length === d.ir.matches.length && !d.ir.mirrors) {
          // One mirror on every rule of a route, without a canary: the route's mirror.
          (d as { ir: RouteIR }).ir = { ...d.ir, mirrors: [mirror] };
        } else if (!owner) {
          for (const rule of d.rules) {
            const filters: unknown[] = (d.object.object as any).spec?.rules?.[rule.index]?.filters ?? [];
            filters.forEach((f: any, j) => {
              if (f?.type !== 'RequestMirror') return;
              this.log.unmap(d.object.object, `spec.rules[${rule.index}].filters[${j}]`, 'a RequestMirror on only some rules of a route: the intent mirrors a whole route (Route.mirrors) or a canary\'s traffic (CanarySplit.mirror)', f.requestMirror);
            });
          }
        }
        continue;
      }
      if (d.ir.backends.length !== 1) continue;
      out.push({
        source: `${d.ir.source}#canary`,
        name: d.ir.name,
        namespace: d.ir.namespace,
        route: d.ir.source,
        hosts: d.ir.hosts,
        allHosts: true,
        matchIndexes: indexes,
        stable: d.ir.backends[0],
        canary: w.backend,
        traffic: { kind: 'weight', stable: w.stable, canary: w.canary },
        ...(mirror ? { mirror } : {}),
      });
    }
    return out;
  }

  private tlsHosts(
    gw: GatewayRead, drafts: Draft[], canaryDrafts: Set<Draft>, reading: ExtensionReading, redirected: Set<string>,
    onHttp: (r: RouteObject) => boolean,
  ): TlsHostIR[] {
    const listeners = gw.listeners.filter(l => l.protocol === 'HTTPS' && l.secret && l.hostname);
    if (listeners.length === 0) return [];
    // Evidence per TLS hostname: the HTTPS redirect, plain HTTP served, HSTS.
    const redirect = new Map<string, boolean>();
    const hsts = new Map<string, HstsIR | null>();
    for (const h of redirected) {
      const l = this.tlsListenerFor(gw, h);
      if (l) redirect.set(l.hostname!, true);
    }
    // Redirects the extension reads from route annotations (Kong): a route of the host served over plain HTTP outweighs them.
    const annotated = new Set<string>();
    for (const d of [...drafts, ...canaryDrafts]) {
      if (d.object.annotations.httpsRedirect === undefined) continue;
      for (const h of d.ir.hosts) {
        const l = this.tlsListenerFor(gw, h);
        if (l) redirect.set(l.hostname!, d.object.annotations.httpsRedirect);
        if (l) annotated.add(l.hostname!);
      }
    }
    for (const d of [...drafts, ...canaryDrafts]) {
      const scheme = schemeOnly(d.ir.policies.redirect) !== undefined || d.ir.protocols === 'https';
      for (const h of d.ir.hosts) {
        const l = this.tlsListenerFor(gw, h);
        if (!l) continue;
        if (!scheme && onHttp(d.object) && (!redirect.has(l.hostname!) || annotated.has(l.hostname!))) redirect.set(l.hostname!, false);
        if (!scheme || d.ir.backends.length > 0) {
          if (d.hsts) hsts.set(l.hostname!, d.hsts);
          else if (!hsts.has(l.hostname!) && !(scheme && d.ir.backends.length === 0)) hsts.set(l.hostname!, null);
        }
      }
    }
    const groups = new Map<string, { hosts: string[]; secret: { namespace: string; name: string }; tls: Omit<TlsHostIR, 'source' | 'name' | 'hosts' | 'secretName' | 'secretNamespace' | 'managedCertificate' | 'mode'> }>();
    // Hosts without evidence take their certificate's other hosts' setting.
    const bySecret = (l: Listener) => `${l.secret!.namespace}/${l.secret!.name}`;
    const fallback = <T>(m: Map<string, T>, l: Listener): T | undefined => {
      const peers = listeners.filter(x => bySecret(x) === bySecret(l) && m.has(x.hostname!)).map(x => JSON.stringify(m.get(x.hostname!)));
      const first = listeners.find(x => bySecret(x) === bySecret(l) && m.has(x.hostname!));
      return peers.length > 0 && new Set(peers).size === 1 ? m.get(first!.hostname!) : undefined;
    };
    for (const l of listeners) {
      const host = l.hostname!;
      const ext = reading.listenerTls?.get(`${gw.key}#${l.section}`);
      const opts = this.listenerOptions.get(`${gw.key}#${l.section}`);
      const ca = ext?.clientAuth ?? gw.clientAuth;
      const cipherSuites = ext?.cipherSuites ?? opts?.cipherSuites;
      const h = hsts.has(host) ? hsts.get(host) : fallback(hsts, l);
      const settings = {
        httpsRedirect: redirect.get(host) ?? fallback(redirect, l) ?? false,
        ...(h ? { hsts: h } : {}),
        ...(ext?.minTlsVersion ? { minTlsVersion: ext.minTlsVersion as TlsVersionIR } : {}),
        ...(cipherSuites ? { cipherSuites } : {}),
        ...(ext?.sessionTickets !== undefined ? { sessionTickets: ext.sessionTickets } : {}),
        ...(ca ? { clientAuth: opts?.optionalClientCertificate ? { ...ca, required: false } : ca } : {}),
      };
      const key = JSON.stringify([bySecret(l), settings]);
      const g = groups.get(key) ?? { hosts: [] as string[], secret: l.secret!, tls: settings };
      g.hosts.push(host);
      groups.set(key, g);
    }
    const source = gw.object ? this.log.ref(gw.object) : `Gateway ${gw.key}`;
    return [...groups.values()].map(g => ({
      mode: 'Terminate' as const,
      source: `${source}#${g.secret.namespace}/${g.secret.name}#${g.hosts.sort()[0]}`,
      name: g.secret.name,
      hosts: g.hosts.sort(),
      secretName: g.secret.name,
      secretNamespace: g.secret.namespace,
      managedCertificate: this.certificates.has(`${g.secret.namespace}/${g.secret.name}`),
      ...g.tls,
    }));
  }
}

interface Treatment {
  readonly weights?: { readonly stable: number; readonly canary: number; readonly backend: BackendIR };
  readonly mirror?: { readonly backend: BackendIR; readonly percent: number };
}

interface Draft {
  readonly object: RouteObject;
  readonly ir: RouteIR;
  /** Per match of `ir.matches`: a canary's weights or mirror on its rule. */
  readonly treatment: Treatment[];
  readonly hsts?: HstsIR;
  readonly rules: RuleRead[];
}

function setOf<K, V>(m: Map<K, Set<V>>, k: K): Set<V> {
  let s = m.get(k);
  if (!s) { s = new Set(); m.set(k, s); }
  return s;
}

function isCatchAll(m: MatchIR): boolean {
  return m.path.kind === 'Prefix' && m.path.value === '/' && m.headers.length === 0 && m.queryParams.length === 0 && !m.method;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameMatch(a: MatchIR, b: MatchIR): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameMatches(a: readonly MatchIR[], b: readonly MatchIR[]): boolean {
  return a.length === b.length && a.every((m, i) => sameMatch(m, b[i]));
}

function sameHeader(a: HeaderMatchIR, b: HeaderMatchIR): boolean {
  return a.name === b.name && a.kind === b.kind && a.value === b.value;
}

function sameBackend(a: BackendIR, b: BackendIR): boolean {
  return a.service === b.service && a.namespace === b.namespace && a.port === b.port;
}

function sameMirror(a: Treatment['mirror'], b: Treatment['mirror']): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The canary traffic a condition stands for, written as the renderer writes it (features/canary.ts). */
function trafficOf(h: HeaderMatchIR): CanaryTrafficIR | undefined {
  const candidates: CanaryTrafficIR[] = [
    { kind: 'header', name: h.name, value: h.value },
    { kind: 'header-present', name: h.name },
  ];
  const cookie = /^\(\.\*;\\s\*\)\?(.+)=always\(;\.\*\)\?$/.exec(h.value);
  if (h.name === 'cookie' && cookie) candidates.unshift({ kind: 'cookie', name: cookie[1].replace(/\\(.)/g, '$1') });
  return candidates.find(t => {
    const c = canaryHeader(t);
    return c !== undefined && sameHeader(c, h);
  });
}

function mergeCanary(canaries: CanaryIR[], c: CanaryIR): void {
  const key = (x: CanaryIR) => JSON.stringify([x.route, x.traffic, x.canary, x.mirror ?? null]);
  const i = canaries.findIndex(x => key(x) === key(c));
  if (i < 0) { canaries.push(c); return; }
  const x = canaries[i];
  const hosts = [...new Set([...x.hosts, ...c.hosts])].sort();
  const matchIndexes = [...new Set([...x.matchIndexes, ...c.matchIndexes])].sort((a, b) => a - b);
  canaries[i] = { ...x, hosts, allHosts: x.allHosts || c.allHosts, matchIndexes };
}

/** Policies with `source` set (the IR records where each came from). */
function withSource(p: PoliciesIR, source: string): PoliciesIR {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) if (v !== undefined) out[k] = { ...v, source };
  return out as PoliciesIR;
}

/** The portable Gateway API column. */
export const GATEWAY_API_READER: ControllerReader = gatewayApiReader('gateway-api');

