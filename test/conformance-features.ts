import { ControllerName, FeatureKind } from '../src/capabilities/features';

/**
 * Every standard-channel Gateway API v1.6 conformance feature of HTTPRoute, GRPCRoute and Gateway
 * (kubernetes-sigs/gateway-api pkg/features: httproute.go, grpcroute.go, gateway.go; the
 * experimental-channel ones, HTTPRouteDestinationPortMatching and
 * GatewayTLSBackendClientCertificate, are left out), with the intent API that expresses it and
 * the capability cells that decide each controller column. Machine-readable and easy to update:
 * the README table "Gateway API conformance features" is generated from it (see the test).
 */
export interface ConformanceRow {
  /** The conformance feature name (pkg/features FeatureName). */
  readonly feature: string;
  /** The intent API, as a user writes it. */
  readonly api: string;
  /** The public exports `api` names: each must be exported by src/index.ts. */
  readonly exports: readonly string[];
  /**
   * The capability cells that must all be supported on a column for the feature to be expressed
   * there ('gateway': every Gateway API column, no Ingress column). Empty: not expressible yet.
   */
  readonly cells: readonly FeatureKind[] | 'gateway';
  /**
   * Another helper's branch (not on main when this was written) that adds or changes the
   * intent for this row; the coordinator updates the row after the merge.
   */
  readonly inProgress?: string;
  /**
   * Columns whose cells are supported but that refuse this feature's particular value, with the
   * reason (e.g. a status code the controller cannot answer); the test synthesizes it there.
   */
  readonly refusedOn?: { readonly [c in ControllerName]?: string };
}

export const CONFORMANCE_ROWS: readonly ConformanceRow[] = [
  { feature: 'Gateway', api: 'new ApiGateway(scope, id, { controller: Controller.gatewayApi(...) })', exports: ['ApiGateway', 'Controller'], cells: 'gateway' },
  { feature: 'GatewayPort8080', api: 'Controller.gatewayApi({ httpPort: 8080 })', exports: ['Controller'], cells: 'gateway' },
  { feature: 'GatewayStaticAddresses', api: '(none: addresses are the cluster\'s business)', exports: [], cells: [] },
  { feature: 'GatewayHTTPListenerIsolation', api: 'new ApiGateway(scope, id, { httpListeners: HttpListeners.PER_HOST })', exports: ['ApiGateway', 'HttpListeners'], cells: ['hostnamedHttpListeners'] },
  { feature: 'GatewayInfrastructurePropagation', api: '(none: Gateway spec.infrastructure is not rendered; use an escape hatch)', exports: [], cells: [] },
  { feature: 'GatewayAddressEmpty', api: '(none)', exports: [], cells: [] },
  {
    feature: 'HTTPRoute',
    api: 'Route { hosts, match: { path: PathMatch.exact/prefix, headers: [HeaderMatch.exact] }, backends: [Backend.service(...)], headerRules: HeaderRules.of({ request }) }; a rule without backends (HTTPRouteNoBackendRefs): respond: DirectResponse.fixed({ statusCode: 500 })',
    exports: ['Route', 'PathMatch', 'HeaderMatch', 'Backend', 'HeaderRules', 'DirectResponse'],
    cells: ['hostRouting', 'exactPath', 'prefixPath', 'headerMatch', 'multipleBackends', 'crossNamespaceBackend', 'requestHeaderSet', 'requestHeaderAdd', 'requestHeaderRemove', 'noBackendRule'],
  },
  {
    feature: 'HTTPRouteBackendRequestHeaderModification',
    api: 'Backend.service(name, port, { headers: HeaderRules.of({ request }) })',
    exports: ['Backend', 'HeaderRules'],
    cells: ['backendRequestHeaders'],
  },
  { feature: 'HTTPRouteQueryParamMatching', api: 'match.queryParams: [QueryParamMatch.exact(name, value)]', exports: ['QueryParamMatch'], cells: ['queryParamMatch'] },
  { feature: 'HTTPRouteMethodMatching', api: 'match.method: HttpMethod.POST', exports: ['HttpMethod'], cells: ['methodMatch'] },
  { feature: 'HTTPRouteResponseHeaderModification', api: 'HeaderRules.of({ response: { set, add, remove } })', exports: ['HeaderRules'], cells: ['responseHeaderSet', 'responseHeaderAdd', 'responseHeaderRemove'] },
  { feature: 'HTTPRoutePortRedirect', api: 'Redirect.to({ port })', exports: ['Redirect'], cells: ['redirectPort'] },
  { feature: 'HTTPRouteSchemeRedirect', api: 'Redirect.toHttps()', exports: ['Redirect'], cells: ['redirectScheme'] },
  { feature: 'HTTPRoutePathRedirect', api: 'Redirect.to({ path }) / Redirect.to({ replacePrefix })', exports: ['Redirect'], cells: ['redirectPath', 'redirectPrefix'] },
  { feature: 'HTTPRouteHostRewrite', api: 'Rewrite.hostname(host)', exports: ['Rewrite'], cells: ['rewriteHost'] },
  { feature: 'HTTPRoutePathRewrite', api: 'Rewrite.replacePrefix(prefix) / Rewrite.replaceFullPath(path)', exports: ['Rewrite'], cells: ['rewritePrefix', 'rewriteFullPath'] },
  { feature: 'HTTPRouteRequestMirror', api: 'Route { mirrors: [TrafficMirror.to(backend)] } (or CanarySplit { mirror })', exports: ['Route', 'TrafficMirror', 'CanarySplit'], cells: ['routeMirror'] },
  { feature: 'HTTPRouteRequestMultipleMirrors', api: 'Route { mirrors: [TrafficMirror.to(a), TrafficMirror.to(b)] }', exports: ['Route', 'TrafficMirror'], cells: ['routeMirror'] },
  { feature: 'HTTPRouteRequestPercentageMirror', api: 'Route { mirrors: [TrafficMirror.to(backend, { percent })] }', exports: ['Route', 'TrafficMirror'], cells: ['routeMirror'] },
  { feature: 'HTTPRouteRequestTimeout', api: 'Timeouts.of({ request }) (Duration.seconds(0): off)', exports: ['Timeouts'], cells: ['timeoutRequest'] },
  { feature: 'HTTPRouteBackendTimeout', api: 'Timeouts.of({ backendRequest }) (Duration.seconds(0): off)', exports: ['Timeouts'], cells: ['timeoutBackendRequest'] },
  { feature: 'HTTPRouteParentRefPort', api: 'Controller.gatewayApi({ attachTo: { name, port } })', exports: ['Controller'], cells: 'gateway' },
  { feature: 'HTTPRouteBackendProtocolH2C', api: 'backendProtocol: BackendProtocol.H2C with Backend.fromService (appProtocol)', exports: ['BackendProtocol', 'Backend'], cells: ['backendH2c'] },
  { feature: 'HTTPRouteBackendProtocolWebSocket', api: 'backendProtocol: BackendProtocol.WEBSOCKET with Backend.fromService (appProtocol)', exports: ['BackendProtocol', 'Backend'], cells: ['backendWebsocket'] },
  { feature: 'HTTPRouteNamedRouteRule', api: 'Route { ruleName }', exports: ['Route'], cells: ['namedRule'] },
  { feature: 'HTTPRouteCORS', api: 'Cors.allow({ origins, ... })', exports: ['Cors'], cells: ['cors'] },
  { feature: 'HTTPRoute303RedirectStatusCode', api: 'Redirect.to({ statusCode: RedirectStatus.SEE_OTHER })', exports: ['Redirect', 'RedirectStatus'], cells: ['redirectStatusOnly'], refusedOn: { traefik: 'Traefik redirects answer 301/308 (permanent) or 302/307 (temporary) depending on the request method and cannot send 303' } },
  { feature: 'HTTPRoute307RedirectStatusCode', api: 'Redirect.to({ statusCode: RedirectStatus.TEMPORARY_REDIRECT })', exports: ['Redirect', 'RedirectStatus'], cells: ['redirectStatusOnly'] },
  { feature: 'HTTPRoute308RedirectStatusCode', api: 'Redirect.to({ statusCode: RedirectStatus.PERMANENT_REDIRECT })', exports: ['Redirect', 'RedirectStatus'], cells: ['redirectStatusOnly'] },
  { feature: 'GRPCRoute', api: 'backendProtocol: BackendProtocol.GRPC (a GRPCRoute on Gateway API)', exports: ['BackendProtocol'], cells: ['backendGrpc'] },
];
