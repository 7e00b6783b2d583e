import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { ManifestObject } from '../../../core/manifest-object';
import { joinName } from '../../../core/names';
import { RouteIR } from '../../../ir/model';
import { EdgeAuthIR } from '../../../ir/policies';
import { REFERENCE_GRANT_VERSION, referenceGrantSpec } from '../../gateway-api/extension';
import { BackendSpec, ExtAuthSpec } from '../api';
import { EG_GROUP, EG_VERSION, KIND } from '../constants';

type External = Extract<EdgeAuthIR, { kind: 'external' }>;

/** Where the auth service is: an in-cluster Service (http) or an HTTPS host (through a Backend). */
export type AuthTarget =
  | { readonly kind: 'service'; readonly name: string; readonly namespace: string; readonly port: number; readonly path: string }
  | { readonly kind: 'https'; readonly host: string; readonly port: number; readonly path: string };

const IN_CLUSTER = /^http:\/\/([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.svc(\.cluster\.local)?(:(\d{1,5}))?(\/[^?#]*)?$/;
const HTTPS = /^https:\/\/([a-z0-9.-]+)(:(\d{1,5}))?(\/[^?#]*)?$/;

/** The auth URL's parts (the intent accepts only these two forms). */
export function authTarget(url: string): AuthTarget | undefined {
  const s = IN_CLUSTER.exec(url);
  if (s) return { kind: 'service', name: s[1], namespace: s[3], port: Number(s[7] ?? 80), path: s[8] ?? '/' };
  const h = HTTPS.exec(url);
  if (h) return { kind: 'https', host: h[1], port: Number(h[3] ?? 443), path: h[4] ?? '/' };
  return undefined;
}

export function backendName(route: RouteIR): string {
  return joinName([route.name, 'ext-auth']);
}

/**
 * `extAuth.http`: the auth service is called at exactly the URL's path (`pathOverride`; Envoy
 * Gateway's `path` would append the client's path), and the listed response headers are copied
 * to the upstream request (`headersToBackend`). Any other answer than 200 is returned to the client.
 * `headersToExtAuth`: the client headers sent to the auth service (Envoy adds Host, Method, Path,
 * Content-Length and Authorization to any list, so a list without Authorization is refused);
 * `bodyToExtAuth.maxRequestBytes`: the body is buffered and sent (a larger request gets 413).
 */
export function extAuthSpec(auth: External, route: RouteIR): ExtAuthSpec | undefined {
  const t = authTarget(auth.url);
  if (!t) return undefined;
  const backendRef = t.kind === 'service'
    ? { name: t.name, namespace: t.namespace !== route.namespace ? t.namespace : undefined, port: t.port }
    : { group: EG_GROUP, kind: KIND.backend, name: backendName(route) };
  return {
    http: {
      backendRefs: [backendRef],
      pathOverride: t.path,
      headersToBackend: auth.responseHeaders.length > 0 ? [...auth.responseHeaders] : undefined,
    },
    headersToExtAuth: auth.requestHeaders ? [...auth.requestHeaders] : undefined,
    bodyToExtAuth: auth.forwardBodyBytes !== undefined ? { maxRequestBytes: auth.forwardBodyBytes } : undefined,
  };
}

/**
 * What the auth call needs besides the SecurityPolicy: a Backend for an HTTPS URL (verified
 * against the system CAs or the declared CA, SNI = the host, with the client certificate if any),
 * or a ReferenceGrant for a Service in another namespace.
 */
export function allocateExtAuth(scope: Construct, route: RouteIR, auth: External): ApiObject[] {
  const t = authTarget(auth.url);
  if (!t) return [];
  if (t.kind === 'https') {
    return [new ManifestObject(scope, 'ExtAuthBackend', {
      apiVersion: EG_VERSION,
      kind: KIND.backend,
      name: backendName(route),
      namespace: route.namespace,
      spec: (): BackendSpec => ({
        endpoints: [{ fqdn: { hostname: t.host, port: t.port } }],
        tls: {
          wellKnownCACertificates: auth.ca ? undefined : 'System',
          caCertificateRefs: auth.ca ? [{ group: '', kind: auth.ca.kind, name: auth.ca.name }] : undefined,
          clientCertificateRef: auth.clientCertificateSecret ? { group: '', kind: 'Secret', name: auth.clientCertificateSecret } : undefined,
          sni: t.host,
        },
      }),
    })];
  }
  if (t.namespace === route.namespace) return [];
  return [new ManifestObject(scope, 'ExtAuthReferenceGrant', {
    apiVersion: REFERENCE_GRANT_VERSION,
    kind: 'ReferenceGrant',
    name: joinName([route.name, 'ext-auth', 'from', route.namespace]),
    namespace: t.namespace,
    spec: () => referenceGrantSpec(KIND.securityPolicy, route.namespace, 'Service', [t.name], EG_GROUP),
  })];
}

export function extAuthProblem(auth: External): string | undefined {
  const t = authTarget(auth.url);
  if (!t) return `'${auth.url}' is neither an https URL nor an in-cluster Service URL`;
  if (t.port < 1 || t.port > 65535) return `port ${t.port} is not a valid port`;
  return undefined;
}

/** Envoy Gateway's bodyToExtAuth.maxRequestBytes is an int32. */
const MAX_INT32 = 2147483647;

/** The issue #17 settings Envoy Gateway cannot render as the intent means them. */
export function extAuthExtrasProblems(auth: External): Array<{ feature: 'externalAuthRequestHeaders' | 'externalAuthBody'; prop: string; reason: string }> {
  const out: Array<{ feature: 'externalAuthRequestHeaders' | 'externalAuthBody'; prop: string; reason: string }> = [];
  if (auth.requestHeaders && !auth.requestHeaders.includes('authorization')) {
    out.push({
      feature: 'externalAuthRequestHeaders',
      prop: 'auth.requestHeaders',
      reason: 'Envoy always sends Authorization (with Host, Method, Path and Content-Length) to an HTTP auth service, so a list without it cannot withhold it; add \'authorization\' to the list',
    });
  }
  if (auth.forwardBodyBytes !== undefined && auth.forwardBodyBytes > MAX_INT32) {
    out.push({ feature: 'externalAuthBody', prop: 'auth.forwardBody', reason: `bodyToExtAuth.maxRequestBytes is at most ${MAX_INT32} bytes` });
  }
  return out;
}
