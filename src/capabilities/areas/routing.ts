import { CapabilityArea, native, no, yes } from '../support';

/** Host, path, header, query and method matching; backends. TLS is in `tls.ts`. */
export type RoutingFeature =
  | 'hostRouting'
  | 'wildcardHost'
  | 'exactPath'
  | 'prefixPath'
  | 'regexPath'
  | 'headerMatch'
  | 'headerRegexMatch'
  | 'queryParamMatch'
  | 'methodMatch'
  | 'multipleBackends'
  | 'crossNamespaceBackend'
  | 'defaultBackend'
  | 'namedRule'
  | 'weightedBackends'
  // issue #17: the client address behind a load balancer
  | 'clientIpForwardedFor'
  // issue #16 item 6: wildcard depth (`*.` one label, `**.` any depth)
  | 'anyDepthWildcardHost'
  // issue #12: answers from the gateway itself
  | 'directResponse'
  | 'noBackendRule'
  // issue #12: header changes of one backend (Gateway API backendRefs[].filters)
  | 'backendRequestHeaders'
  | 'backendResponseHeaders'
  // issue #12: one plain-HTTP listener per hostname on the owned Gateway
  | 'hostnamedHttpListeners';

const NO_LISTENERS = native('an Ingress-based controller has no listeners: its rules are per host already, and requests are served the same way');
const GW_HTTP_LISTENERS = yes('an HTTP listener http-<host> per hostname (hostname set), the host\'s routes, TlsHost redirect and HTTP-01 solver attached to it; http (no hostname) kept for routes without hosts and the default backend');
const NO_RULE_NAME = (what: string) => `${what} has no name field; rule names exist only in Gateway API routes (use a Gateway API controller)`;
const INGRESS_ANY_DEPTH = "an Ingress host wildcard stands for exactly one label ('*.example.com' matches 'a.example.com', not 'a.b.example.com'); write '*.example.com' if one label is meant, or list each deeper level ('*.b.example.com')";
const KONG_ONE_LABEL = "Kong matches a wildcard host as a suffix ('*.example.com' also matches 'a.b.example.com') and has no one-label form outside its expressions router; write '**.example.com' if any depth is meant";
const GATEWAY_API_ONE_LABEL = "Gateway API hostnames have no one-label form: '*.example.com' matches any number of labels; write '**.example.com' if that is meant";
const NGINX_NO_RESPONSE = 'an Ingress path needs a backend Service, and ingress-nginx answers a fixed status without one only through configuration snippets, which this library never writes';
const TRAEFIK_NO_RESPONSE = 'Traefik v3 has no middleware that answers a fixed status or body (the Middleware CRD has none), and a router always forwards to a service';
const INGRESS_NAMESPACE = no('an Ingress can only reference Services in its own namespace');

// Issue #12: per-backend header changes.
const BACKEND_HEADERS_NGINX = no('ingress-nginx has no header changes bound to one backend (only per-location custom-headers and snippets, which this library never emits); use a Gateway API controller');
const BACKEND_HEADERS_TRAEFIK = yes('services[].middlewares: a headers Middleware `<route>-<service>-<port>-headers` per backend (Traefik v3.7+); set and remove (Traefik cannot append)');
// Audit (issue #12): an Ingress path has one backend, so the innermost router middleware is that backend's, as an IngressRoute service middleware.
const BACKEND_HEADERS_TRAEFIK_INGRESS = yes('a headers Middleware `<route>-<service>-<port>-headers`, last in router.middlewares (innermost, before the path\'s one backend, where the IngressRoute output puts it on the service; needs the Traefik CRD provider); set and remove only');
const BACKEND_HEADERS_KONG = no('Kong plugins attach to a route or to a whole Service (every route using it), not to one backend of one route; use the route\'s headerRules');
const BACKEND_HEADERS_KIC = no('KIC\'s admission webhook rejects filters in a backendRef ("filters in backendRef is unsupported"); use the route\'s headerRules');

export const ROUTING: CapabilityArea<RoutingFeature> = {
  features: {
    hostRouting: { title: 'Host routing', prop: 'hosts' },
    wildcardHost: { title: 'Wildcard host, one label (`*.`)', prop: 'hosts' },
    exactPath: { title: 'Exact path match', prop: 'match.path' },
    prefixPath: { title: 'Prefix path match', prop: 'match.path' },
    regexPath: { title: 'Regular-expression path match', prop: 'match.path' },
    headerMatch: { title: 'Header match', prop: 'match.headers' },
    headerRegexMatch: { title: 'Header regular-expression match', prop: 'match.headers' },
    queryParamMatch: { title: 'Query parameter match', prop: 'match.queryParams' },
    methodMatch: { title: 'Method match', prop: 'match.method' },
    multipleBackends: { title: 'Several backends on one route', prop: 'backends' },
    crossNamespaceBackend: { title: 'Backend in another namespace', prop: 'backends' },
    defaultBackend: { title: 'Gateway default backend', prop: 'defaultBackend' },
    namedRule: { title: 'Named route rule', prop: 'ruleName' },
    weightedBackends: { title: 'Weighted backends', prop: 'backends' },
    clientIpForwardedFor: { title: 'Client IP from X-Forwarded-For (trusted hops)', prop: 'clientIp' },
    anyDepthWildcardHost: { title: 'Wildcard host, any depth (`**.`)', prop: 'hosts' },
    directResponse: { title: 'Direct response (fixed status and body)', prop: 'respond' },
    noBackendRule: { title: 'Rule without backends (500)', prop: 'respond' },
    backendRequestHeaders: { title: 'Per-backend request headers', prop: 'backends[].headers.request' },
    backendResponseHeaders: { title: 'Per-backend response headers', prop: 'backends[].headers.response' },
    hostnamedHttpListeners: { title: 'One plain-HTTP listener per hostname', prop: 'httpListeners' },
  },
  matrix: {
    'ingress-nginx': {
      hostRouting: yes(),
      wildcardHost: yes('Ingress host `*.example.com`: exactly one label'),
      exactPath: yes(),
      prefixPath: yes(),
      regexPath: yes('case-insensitive; every path of that host becomes a regex, so a host cannot mix regex and literal paths'),
      headerMatch: no('ingress-nginx matches headers only on canary Ingresses, not for routing'),
      headerRegexMatch: no('ingress-nginx matches headers only on canary Ingresses, not for routing'),
      queryParamMatch: no('ingress-nginx cannot route on query parameters without snippets, which this library never emits'),
      methodMatch: no('ingress-nginx cannot route on the HTTP method without snippets, which this library never emits'),
      multipleBackends: yes('two backends: the route\'s Ingress and a canary Ingress `<route>-split` with canary-weight 1 of canary-weight-total 2; more than two are refused'),
      crossNamespaceBackend: INGRESS_NAMESPACE,
      defaultBackend: yes(),
      namedRule: no(NO_RULE_NAME('an Ingress path')),
      weightedBackends: yes('two backends: the route\'s Ingress (first backend) and a canary Ingress `<route>-split` (second) with canary-weight / canary-weight-total; more than two are refused'),
      clientIpForwardedFor: no('ingress-nginx reads X-Forwarded-For only with the controller ConfigMap\'s use-forwarded-headers: "true" and proxy-real-ip-cidr (the proxies\' addresses), which apply to the whole controller and trust proxies by address, not by count; set them there and acknowledge the client-ip-behind-proxy warning'),
      anyDepthWildcardHost: no(INGRESS_ANY_DEPTH),
      directResponse: no(NGINX_NO_RESPONSE),
      noBackendRule: no(NGINX_NO_RESPONSE),
      backendRequestHeaders: BACKEND_HEADERS_NGINX,
      backendResponseHeaders: BACKEND_HEADERS_NGINX,
      hostnamedHttpListeners: NO_LISTENERS,
    },
    'traefik': {
      hostRouting: yes(),
      wildcardHost: yes('``Host(`*.example.com`)``: exactly one label'),
      exactPath: yes(),
      prefixPath: yes(),
      regexPath: yes(),
      headerMatch: yes(),
      headerRegexMatch: yes(),
      queryParamMatch: yes(),
      methodMatch: yes(),
      multipleBackends: yes(),
      crossNamespaceBackend: no("IngressRoute services in another namespace need Traefik's allowCrossNamespace provider flag, which is off by default"),
      defaultBackend: yes(),
      namedRule: no(NO_RULE_NAME('an IngressRoute route')),
      weightedBackends: yes('weight on each IngressRoute service (weighted round robin; a weight of 0 receives nothing)'),
      clientIpForwardedFor: yes('ipStrategy.depth on the rateLimit and ipAllowList Middlewares; the entry point must trust the proxies (forwardedHeaders.trustedIPs, static configuration)'),
      anyDepthWildcardHost: yes('``HostRegexp(`^.+\\.example\\.com$`)``: one or more labels; passthrough ``HostSNIRegexp``'),
      directResponse: no(TRAEFIK_NO_RESPONSE),
      noBackendRule: no(TRAEFIK_NO_RESPONSE),
      backendRequestHeaders: BACKEND_HEADERS_TRAEFIK,
      backendResponseHeaders: BACKEND_HEADERS_TRAEFIK,
      hostnamedHttpListeners: NO_LISTENERS,
    },
    'traefik-ingress': {
      hostRouting: yes(),
      wildcardHost: yes('Ingress host `*.example.com`: exactly one label'),
      exactPath: yes(),
      prefixPath: yes(),
      regexPath: yes(),
      headerMatch: no('the Traefik Ingress provider cannot match headers; use TraefikOutput.INGRESS_ROUTE'),
      headerRegexMatch: no('the Traefik Ingress provider cannot match headers; use TraefikOutput.INGRESS_ROUTE'),
      queryParamMatch: no('the Traefik Ingress provider cannot match query parameters; use TraefikOutput.INGRESS_ROUTE'),
      methodMatch: no('the Traefik Ingress provider cannot match methods; use TraefikOutput.INGRESS_ROUTE'),
      multipleBackends: no('an Ingress path has exactly one backend Service; use TraefikOutput.INGRESS_ROUTE'),
      crossNamespaceBackend: INGRESS_NAMESPACE,
      defaultBackend: yes(),
      namedRule: no(NO_RULE_NAME('an Ingress path')),
      weightedBackends: no('an Ingress path has exactly one backend Service; use TraefikOutput.INGRESS_ROUTE'),
      clientIpForwardedFor: yes('ipStrategy.depth on the rateLimit and ipAllowList Middlewares; the entry point must trust the proxies (forwardedHeaders.trustedIPs, static configuration)'),
      anyDepthWildcardHost: no(INGRESS_ANY_DEPTH),
      directResponse: no(TRAEFIK_NO_RESPONSE),
      noBackendRule: no(TRAEFIK_NO_RESPONSE),
      backendRequestHeaders: BACKEND_HEADERS_TRAEFIK_INGRESS,
      backendResponseHeaders: BACKEND_HEADERS_TRAEFIK_INGRESS,
      hostnamedHttpListeners: NO_LISTENERS,
    },
    'kong': {
      hostRouting: yes(),
      wildcardHost: no(KONG_ONE_LABEL),
      exactPath: yes(),
      prefixPath: yes(),
      regexPath: yes(),
      headerMatch: yes(),
      headerRegexMatch: no('Kong turns header regexes into case-insensitive matches'),
      queryParamMatch: no('Kong Ingress cannot match query parameters'),
      methodMatch: yes(),
      multipleBackends: no('an Ingress path has exactly one backend Service; use KongMode.GATEWAY_API'),
      crossNamespaceBackend: INGRESS_NAMESPACE,
      defaultBackend: yes(),
      namedRule: no(NO_RULE_NAME('a Kong Ingress path')),
      weightedBackends: no('an Ingress path has exactly one backend Service; use KongMode.GATEWAY_API'),
      clientIpForwardedFor: no('Kong resolves the client address with kong.conf trusted_ips, real_ip_header and real_ip_recursive, which apply to the whole Kong node; set them there and acknowledge the client-ip-behind-proxy warning'),
      anyDepthWildcardHost: yes('Ingress host `*.example.com`, which Kong matches as a suffix: one or more labels'),
      directResponse: no('an Ingress path needs a backend Service and a responding route has none; use Controller.envoyGateway()'),
      noBackendRule: no('an Ingress path needs a backend Service and a responding route has none; use KongMode.GATEWAY_API'),
      backendRequestHeaders: BACKEND_HEADERS_KONG,
      backendResponseHeaders: BACKEND_HEADERS_KONG,
      hostnamedHttpListeners: NO_LISTENERS,
    },
    'kong-gateway-api': {
      hostRouting: yes(),
      wildcardHost: no(KONG_ONE_LABEL),
      exactPath: yes(),
      prefixPath: yes(),
      regexPath: yes(),
      headerMatch: yes(),
      headerRegexMatch: no('KIC turns HTTPRoute header regexes into case-insensitive Kong matches, which would match more than the regex'),
      queryParamMatch: no("Kong's HTTPRoute query-parameter matching needs the expressions router, which is not the default"),
      methodMatch: yes(),
      multipleBackends: yes(),
      crossNamespaceBackend: yes('with a generated ReferenceGrant'),
      defaultBackend: yes(),
      namedRule: yes('rules[].name (a label: KIC names its Kong routes itself and attaches no policy by section)'),
      weightedBackends: yes("backendRefs[].weight, approximate: KIC divides a backend's weight among its endpoints (integer division); weights at most 65535"),
      clientIpForwardedFor: no('Kong resolves the client address with kong.conf trusted_ips, real_ip_header and real_ip_recursive, which apply to the whole Kong node; set them there and acknowledge the client-ip-behind-proxy warning'),
      anyDepthWildcardHost: yes('hostname `*.example.com`, which Kong matches as a suffix: one or more labels'),
      directResponse: no('KIC attaches its own request-termination plugin (status 500) to a rule without backendRefs, and Kong runs one request-termination plugin per route, so a KongPlugin of ours would clash with it; use Controller.envoyGateway()'),
      noBackendRule: yes('a rule without backendRefs: KIC answers it with 500 through a request-termination plugin of its own'),
      backendRequestHeaders: BACKEND_HEADERS_KIC,
      backendResponseHeaders: BACKEND_HEADERS_KIC,
      hostnamedHttpListeners: GW_HTTP_LISTENERS,
    },
    'gateway-api': {
      hostRouting: yes(),
      wildcardHost: no(GATEWAY_API_ONE_LABEL),
      exactPath: yes(),
      prefixPath: yes(),
      regexPath: no('regular-expression matching is implementation-specific in Gateway API; choose a concrete implementation such as Controller.envoyGateway() or Controller.istio()'),
      headerMatch: yes(),
      headerRegexMatch: no('regular-expression matching is implementation-specific in Gateway API; choose a concrete implementation such as Controller.envoyGateway() or Controller.istio()'),
      queryParamMatch: yes(),
      methodMatch: yes(),
      multipleBackends: yes(),
      crossNamespaceBackend: yes('with a generated ReferenceGrant'),
      defaultBackend: yes(),
      namedRule: yes('rules[].name (standard channel, Extended support)'),
      weightedBackends: yes('backendRefs[].weight (Core)'),
      clientIpForwardedFor: no('Gateway API has no standard field for client address detection; choose an implementation such as Controller.envoyGateway()'),
      anyDepthWildcardHost: yes('hostname `*.example.com`: one or more labels'),
      directResponse: no('Gateway API has no standard filter answering a fixed status or body; only DirectResponse.fixed({ statusCode: 500 }) without body, a rule without backends, is standard'),
      noBackendRule: yes('a rule without backendRefs or filters, which implementations answer with 500 (conformance test HTTPRouteNoBackendRefs, Core)'),
      backendRequestHeaders: yes('backendRefs[].filters RequestHeaderModifier (Extended: HTTPRouteBackendRequestHeaderModification); HTTPRoute only, GRPCRoute backend filters are implementation-specific'),
      backendResponseHeaders: no('backendRefs[].filters ResponseHeaderModifier is implementation-specific (only the request side has a conformance feature, HTTPRouteBackendRequestHeaderModification); choose Controller.envoyGateway() or Controller.istio()'),
      hostnamedHttpListeners: GW_HTTP_LISTENERS,
    },
    'envoy-gateway': {
      hostRouting: yes(),
      wildcardHost: no(GATEWAY_API_ONE_LABEL),
      exactPath: yes(),
      prefixPath: yes(),
      regexPath: yes('RE2'),
      headerMatch: yes(),
      headerRegexMatch: yes('RE2'),
      queryParamMatch: yes(),
      methodMatch: yes(),
      multipleBackends: yes(),
      crossNamespaceBackend: yes('with a generated ReferenceGrant'),
      defaultBackend: yes(),
      namedRule: yes('rules[].name; the route\'s BackendTrafficPolicy and SecurityPolicy target the named rules (targetRefs sectionName)'),
      weightedBackends: yes('backendRefs[].weight'),
      clientIpForwardedFor: yes('ClientTrafficPolicy clientIPDetection.xForwardedFor.numTrustedHops on the Gateway'),
      anyDepthWildcardHost: yes('hostname `*.example.com`: one or more labels'),
      directResponse: yes('an HTTPRouteFilter with directResponse (statusCode, body.inline, contentType) referenced by an ExtensionRef filter of a rule without backendRefs; bodies with \'%\' are refused (Envoy command operators)'),
      noBackendRule: yes('a rule without backendRefs or filters: Envoy Gateway answers 500 (Core conformance)'),
      backendRequestHeaders: yes('backendRefs[].filters RequestHeaderModifier (HTTPRoute and GRPCRoute)'),
      backendResponseHeaders: yes('backendRefs[].filters ResponseHeaderModifier (HTTPRoute and GRPCRoute)'),
      hostnamedHttpListeners: GW_HTTP_LISTENERS,
    },
    'istio': {
      hostRouting: yes(),
      wildcardHost: no(GATEWAY_API_ONE_LABEL),
      exactPath: yes(),
      prefixPath: yes(),
      regexPath: yes('RE2'),
      headerMatch: yes(),
      headerRegexMatch: yes('RE2'),
      queryParamMatch: yes(),
      methodMatch: yes(),
      multipleBackends: yes(),
      crossNamespaceBackend: yes('with a generated ReferenceGrant'),
      defaultBackend: yes(),
      namedRule: yes('rules[].name (a label: Istio policies target the Gateway)'),
      weightedBackends: yes('backendRefs[].weight'),
      clientIpForwardedFor: no('Istio sets numTrustedProxies in the mesh config or in the gateway Deployment\'s proxy.istio.io/config annotation, which this library does not own; set gatewayTopology.numTrustedProxies there and acknowledge the client-ip-behind-proxy warning'),
      anyDepthWildcardHost: yes('hostname `*.example.com`: one or more labels'),
      directResponse: no('Istio\'s Gateway API implementation has no filter answering a fixed status or body (directResponse is a VirtualService field, and this column renders Gateway API routes); use Controller.envoyGateway()'),
      noBackendRule: yes('a rule without backendRefs or filters: Istio programs a directResponse with 500 (Core conformance)'),
      backendRequestHeaders: yes('backendRefs[].filters RequestHeaderModifier: the destination\'s headers.request (HTTPRoute and GRPCRoute)'),
      backendResponseHeaders: yes('backendRefs[].filters ResponseHeaderModifier: the destination\'s headers.response (HTTPRoute and GRPCRoute)'),
      hostnamedHttpListeners: GW_HTTP_LISTENERS,
    },
  },
};
