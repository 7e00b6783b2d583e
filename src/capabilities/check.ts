import { CaUsage, caKindReason } from './areas/tls';
import { controllerCall } from './controllers';
import { CONTROLLER_NAMES, ControllerName, FEATURES, FeatureKind } from './features';
import { CAPABILITIES } from './matrix';
import { isSupported } from './support';
import { isAnyDepthHost } from '../core/hosts';
import { BackendIR, CanaryIR, CaRefIR, isNoBackendAnswer, PassthroughIR, RouteIR, TlsHostIR } from '../ir/model';

/**
 * The standard message for an unsupported cell:
 * `<feature> (<prop>) is not supported by controller '<name>': <reason>. Supported by: <factory calls>.`
 * where the factory calls are what a user writes to switch (`Controller.kong({ mode: KongMode.GATEWAY_API })`,
 * with `experimentalChannel: true` where the cell needs it), in matrix order, or `none`.
 * (cdk8s prefixes validation messages with `[construct path]`.)
 */
export function unsupportedMessage(controller: ControllerName, feature: FeatureKind, prop?: string, reason?: string): string {
  const info = FEATURES[feature];
  const cell = CAPABILITIES[controller][feature];
  const why = reason ?? (cell.supported ? 'not expressible here' : cell.reason);
  return `${info.title} (${prop ?? info.prop}) is not supported by controller '${controller}': ${why}. Supported by: ${supportedByCalls(feature, controller)}.`;
}

/** The factory calls of the other controllers that support a feature, or 'none'. */
export function supportedByCalls(feature: FeatureKind | ((c: ControllerName) => boolean), except?: ControllerName): string {
  const calls = CONTROLLER_NAMES.filter(c => c !== except).flatMap(c => {
    if (typeof feature === 'function') return feature(c) ? [controllerCall(c)] : [];
    const cell = CAPABILITIES[c][feature];
    if (cell.supported) return [controllerCall(c)];
    return cell.experimental !== undefined ? [controllerCall(c, true)] : [];
  });
  return calls.length > 0 ? calls.join(', ') : 'none';
}

/** Features a route uses, each with the prop that introduced it. */
export function routeFeatures(route: RouteIR): Array<{ feature: FeatureKind; prop: string }> {
  const used = new Map<FeatureKind, string>();
  const use = (f: FeatureKind, prop: string) => { if (!used.has(f)) used.set(f, prop); };
  if (route.hosts.length > 0) use('hostRouting', 'hosts');
  for (const f of wildcardFeatures(route.hosts)) use(f, 'hosts');
  route.matches.forEach((m, i) => {
    const at = route.matches.length > 1 ? `matches[${i}]` : 'match';
    use(m.path.kind === 'Exact' ? 'exactPath' : m.path.kind === 'Prefix' ? 'prefixPath' : 'regexPath', `${at}.path`);
    m.headers.forEach((h, j) => use(h.kind === 'Exact' ? 'headerMatch' : 'headerRegexMatch', `${at}.headers[${j}]`));
    if (m.queryParams.length > 0) use('queryParamMatch', `${at}.queryParams`);
    if (m.method) use('methodMatch', `${at}.method`);
  });
  if (route.backends.length > 1) use('multipleBackends', 'backends');
  if (route.ruleName !== undefined) use('namedRule', 'ruleName');
  if (route.protocols === 'https') use('httpsOnlyRoute', 'protocols');
  if (route.protocols === 'http') use('httpOnlyRoute', 'protocols');
  if (route.backends.some(b => b.namespace !== route.namespace)) use('crossNamespaceBackend', 'backends');
  if (new Set(route.backends.map(b => b.weight)).size > 1) use('weightedBackends', 'backends');
  route.backends.forEach((b, i) => {
    for (const f of backendTlsFeatures(b)) use(f, `${route.backends.length > 1 ? `backends[${i}]` : 'backend'}.tls`);
  });
  route.backends.forEach((b, i) => {
    const at = route.backends.length > 1 ? `backends[${i}]` : 'backend';
    if (b.headers?.request) use('backendRequestHeaders', `${at}.headers.request`);
    if (b.headers?.response) use('backendResponseHeaders', `${at}.headers.response`);
  });
  (route.mirrors ?? []).forEach((m, i) => {
    use('routeMirror', 'mirrors');
    if (m.backend.namespace !== route.namespace) use('crossNamespaceBackend', `mirrors[${i}]`);
    for (const f of backendTlsFeatures(m.backend)) use(f, `mirrors[${i}].backend.tls`);
  });
  if (route.directResponse) use(isNoBackendAnswer(route.directResponse) ? 'noBackendRule' : 'directResponse', 'respond');
  return [...used].map(([feature, prop]) => ({ feature, prop }));
}

/** The wildcard depths routing hosts use: `*.` (one label), `**.` (any depth). */
function wildcardFeatures(hosts: readonly string[]): FeatureKind[] {
  const out: FeatureKind[] = [];
  if (hosts.some(h => h.startsWith('*.'))) out.push('wildcardHost');
  if (hosts.some(isAnyDepthHost)) out.push('anyDepthWildcardHost');
  return out;
}

/** Re-encryption features a backend uses. */
export function backendTlsFeatures(b: BackendIR): FeatureKind[] {
  if (!b.tls) return [];
  const out: FeatureKind[] = ['backendTls'];
  if (b.tls.insecureSkipVerify) {
    out.push('backendTlsInsecure');
    if (b.tls.hostname !== undefined) out.push('backendTlsInsecureServerName');
  } else if (!b.tls.ca) {
    out.push('backendTlsSystemCa');
  }
  if (b.tls.clientCertificateSecret !== undefined) out.push('backendTlsClientCertificate');
  return out;
}

/** Features a TlsHost uses, each with the prop that introduced it. */
export function tlsFeatures(tls: TlsHostIR | PassthroughIR, gatewayNamespace: string): Array<{ feature: FeatureKind; prop: string }> {
  const out: Array<{ feature: FeatureKind; prop: string }> = [];
  if (tls.mode === 'Passthrough') {
    out.push({ feature: 'tlsPassthrough', prop: 'mode' });
    for (const feature of wildcardFeatures(tls.hosts)) out.push({ feature, prop: 'hosts' });
    return out;
  }
  // A terminated host is a certificate name: `*.` is the X.509 one-label wildcard on every
  // controller (`**.` is refused by TlsHost itself), so it is no routing feature.
  out.push({ feature: 'tlsTermination', prop: 'certificate' });
  if (tls.secretNamespace !== gatewayNamespace) out.push({ feature: 'crossNamespaceCertificate', prop: 'certificate' });
  if (tls.managedCertificate) out.push({ feature: 'automaticCertificate', prop: 'certificate' });
  out.push({ feature: tls.httpsRedirect ? 'httpsRedirect' : 'plainHttpOnTlsHost', prop: 'httpsRedirect' });
  if (tls.hsts) out.push({ feature: 'hsts', prop: 'hsts' });
  if (tls.minTlsVersion) out.push({ feature: 'minTlsVersion', prop: 'minTlsVersion' });
  if (tls.clientAuth) {
    out.push({ feature: 'clientCertificateAuth', prop: 'clientAuth' });
    if (!tls.clientAuth.required) out.push({ feature: 'optionalClientCertificate', prop: 'clientAuth' });
    if (tls.clientAuth.additionalCas) out.push({ feature: 'clientCertificateSeveralCas', prop: 'clientAuth.additionalCas' });
  }
  if (tls.cipherSuites) out.push({ feature: 'tlsCipherSuites', prop: 'cipherSuites' });
  if (tls.sessionTickets !== undefined) out.push({ feature: 'tlsSessionTickets', prop: 'sessionTickets' });
  return out;
}

/** Features a canary uses, each with the prop that introduced it. */
export function canaryFeatures(canary: CanaryIR): Array<{ feature: FeatureKind; prop: string }> {
  const kinds: { readonly [k in CanaryIR['traffic']['kind']]: FeatureKind } = {
    'weight': 'canaryWeight',
    'header': 'canaryHeader',
    'header-present': 'canaryHeaderPresence',
    'cookie': 'canaryCookie',
  };
  const out: Array<{ feature: FeatureKind; prop: string }> = [{ feature: kinds[canary.traffic.kind], prop: 'traffic' }];
  if (canary.canary.namespace !== canary.namespace) out.push({ feature: 'crossNamespaceBackend', prop: 'canary' });
  if (canary.mirror) {
    out.push({ feature: 'canaryMirror', prop: 'mirror' });
    if (canary.mirror.backend.namespace !== canary.namespace) out.push({ feature: 'crossNamespaceBackend', prop: 'mirror' });
  }
  // Re-encryption to the canary (or mirror) backend is the same cell as on a route's backend.
  for (const f of backendTlsFeatures(canary.canary)) out.push({ feature: f, prop: 'canary.tls' });
  if (canary.mirror) for (const f of backendTlsFeatures(canary.mirror.backend)) out.push({ feature: f, prop: 'mirror.backend.tls' });
  return out;
}

/**
 * The standard message when a controller has the feature but cannot read the CA from this
 * kind of object (see CA_KINDS), else undefined.
 */
export function caKindMessage(controller: ControllerName, usage: CaUsage, ca: CaRefIR | undefined, prop: string): string | undefined {
  if (!ca) return undefined;
  const feature: FeatureKind = usage === 'clientAuth' ? 'clientCertificateAuth' : 'backendTls';
  const reason = caKindReason(controller, usage, ca.kind, CAPABILITIES[controller][feature]);
  return reason ? unsupportedMessage(controller, feature, prop, reason) : undefined;
}

/** Messages for every unsupported feature in `used`. */
export function checkFeatures(
  controller: ControllerName, used: Array<{ feature: FeatureKind; prop: string }>, experimentalChannel = false,
): string[] {
  return used
    .filter(u => !isSupported(CAPABILITIES[controller][u.feature], experimentalChannel))
    .map(u => unsupportedMessage(controller, u.feature, u.prop));
}
