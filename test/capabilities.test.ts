import * as fs from 'fs';
import * as path from 'path';
import { Chart } from 'cdk8s';
import {
  ApiGateway, Backend, BackendTls, CaCertificates, CanaryTraffic, ClientAuth, ClusterIssuer, Controller, HeaderMatch, Hsts, HttpMethod, IssuerType,
  KongMode, PathMatch, QueryParamMatch, TlsCertificate, TlsMode, TlsVersion, TrafficMirror,
} from '../src';
import { POLICY_SAMPLES } from './policy-samples';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { PolicyFeature } from '../src/capabilities/areas/policies';
import { CA_KINDS, CaUsage } from '../src/capabilities/areas/tls';
import { unsupportedMessage } from '../src/capabilities/check';
import { ControllerName, FEATURES, CONTROLLER_NAMES, FEATURE_KINDS, FeatureKind } from '../src/capabilities/features';
import { CAPABILITIES } from '../src/capabilities/matrix';
import { isSupported } from '../src/capabilities/support';
import { capabilityTable } from '../src/capabilities/table';

/** A factory call a user can write, as listed after 'Supported by:'. */
const CALL = 'Controller\\.[a-zA-Z]+\\((\\{ [^()]+ \\})?\\)';

/**
 * A minimal intent per feature, using that feature and nothing any controller lacks.
 * Typed total: a new feature does not compile until it has a sample. Returns the construct
 * path and prop the standard message must name.
 */
/** A gateway with one stable route (api.example.com /v1 -> api-v1) and a canary on it. */
function canarySample(c: Chart, controller: Controller, traffic: CanaryTraffic, mirror?: TrafficMirror) {
  const gw = new ApiGateway(c, 'gw', { controller });
  const stable = gw.addRoute('r', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/v1') }, backend: Backend.service('api-v1', 80) });
  gw.addCanary('canary', { stable, canary: Backend.service('api-v2', 80), traffic, mirror });
}

const SAMPLES: { readonly [f in Exclude<FeatureKind, PolicyFeature>]: (chart: Chart, controller: Controller) => { path: string; prop: string } } = {
  hostRouting: (c, controller) => {
    new ApiGateway(c, 'gw', { controller }).addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80) });
    return { path: 'test/gw/r', prop: 'hosts' };
  },
  wildcardHost: (c, controller) => {
    new ApiGateway(c, 'gw', { controller }).addRoute('r', { hosts: ['*.example.com'], backend: Backend.service('svc', 80) });
    return { path: 'test/gw/r', prop: 'hosts' };
  },
  exactPath: (c, controller) => {
    new ApiGateway(c, 'gw', { controller }).addRoute('r', { match: { path: PathMatch.exact('/healthz') }, backend: Backend.service('svc', 80) });
    return { path: 'test/gw/r', prop: 'match.path' };
  },
  prefixPath: (c, controller) => {
    new ApiGateway(c, 'gw', { controller }).addRoute('r', { match: { path: PathMatch.prefix('/api') }, backend: Backend.service('svc', 80) });
    return { path: 'test/gw/r', prop: 'match.path' };
  },
  regexPath: (c, controller) => {
    new ApiGateway(c, 'gw', { controller }).addRoute('r', { hosts: ['a.example.com'], match: { path: PathMatch.regex('/items/[0-9]+') }, backend: Backend.service('svc', 80) });
    return { path: 'test/gw/r', prop: 'match.path' };
  },
  headerMatch: (c, controller) => {
    new ApiGateway(c, 'gw', { controller }).addRoute('r', { match: { headers: [HeaderMatch.exact('x-tenant', 'blue')] }, backend: Backend.service('svc', 80) });
    return { path: 'test/gw/r', prop: 'match.headers[0]' };
  },
  headerRegexMatch: (c, controller) => {
    new ApiGateway(c, 'gw', { controller }).addRoute('r', { match: { headers: [HeaderMatch.regex('x-tenant', 'blue-[a-z]+')] }, backend: Backend.service('svc', 80) });
    return { path: 'test/gw/r', prop: 'match.headers[0]' };
  },
  queryParamMatch: (c, controller) => {
    new ApiGateway(c, 'gw', { controller }).addRoute('r', { match: { queryParams: [QueryParamMatch.exact('debug', '1')] }, backend: Backend.service('svc', 80) });
    return { path: 'test/gw/r', prop: 'match.queryParams' };
  },
  methodMatch: (c, controller) => {
    new ApiGateway(c, 'gw', { controller }).addRoute('r', { match: { method: HttpMethod.POST }, backend: Backend.service('svc', 80) });
    return { path: 'test/gw/r', prop: 'match.method' };
  },
  multipleBackends: (c, controller) => {
    new ApiGateway(c, 'gw', { controller }).addRoute('r', { backends: [Backend.service('a', 80), Backend.service('b', 80)] });
    return { path: 'test/gw/r', prop: 'backends' };
  },
  crossNamespaceBackend: (c, controller) => {
    new ApiGateway(c, 'gw', { controller }).addRoute('r', { backend: Backend.service('svc', 80, { namespace: 'other' }) });
    return { path: 'test/gw/r', prop: 'backends' };
  },
  defaultBackend: (c, controller) => {
    new ApiGateway(c, 'gw', { controller, defaultBackend: Backend.service('fallback', 80) });
    return { path: 'test/gw', prop: 'defaultBackend' };
  },
  tlsTermination: (c, controller) => {
    const gw = new ApiGateway(c, 'gw', { controller });
    gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80) });
    gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a-cert') });
    return { path: 'test/gw/tls', prop: 'certificate' };
  },
  crossNamespaceCertificate: (c, controller) => {
    const gw = new ApiGateway(c, 'gw', { controller });
    gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80) });
    gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a-cert', { namespace: 'certs' }) });
    return { path: 'test/gw/tls', prop: 'certificate' };
  },
  automaticCertificate: (c, controller) => {
    const issuer = new ClusterIssuer(c, 'selfsigned', { type: IssuerType.selfSigned() });
    return tlsSample(c, controller, { certificate: TlsCertificate.fromIssuer(issuer) }, 'certificate');
  },
  tlsPassthrough: (c, controller) => {
    new ApiGateway(c, 'gw', { controller }).addTlsHost('tls', { hosts: ['db.example.com'], mode: TlsMode.passthrough(Backend.service('db', 5432)) });
    return { path: 'test/gw/tls', prop: 'mode' };
  },
  httpsRedirect: (c, controller) => tlsSample(c, controller, {}, 'httpsRedirect'),
  plainHttpOnTlsHost: (c, controller) => tlsSample(c, controller, { httpsRedirect: false }, 'httpsRedirect'),
  hsts: (c, controller) => tlsSample(c, controller, { hsts: Hsts.enable() }, 'hsts'),
  minTlsVersion: (c, controller) => tlsSample(c, controller, { minTlsVersion: TlsVersion.TLS_1_3 }, 'minTlsVersion'),
  clientCertificateAuth: (c, controller) => tlsSample(c, controller, { clientAuth: ClientAuth.required(caFor(controller, 'clientAuth')) }, 'clientAuth'),
  optionalClientCertificate: (c, controller) => tlsSample(c, controller, { clientAuth: ClientAuth.optional(caFor(controller, 'clientAuth')) }, 'clientAuth'),
  backendTls: (c, controller) => {
    const tls = BackendTls.verify({ hostname: 'svc.internal', ca: caFor(controller, 'backendTls') });
    new ApiGateway(c, 'gw', { controller }).addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 8443, { tls }) });
    return { path: 'test/gw/r', prop: 'backend.tls' };
  },
  backendTlsSystemCa: (c, controller) => {
    new ApiGateway(c, 'gw', { controller }).addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 8443, { tls: BackendTls.verify({ hostname: 'svc.example.com' }) }) });
    return { path: 'test/gw/r', prop: 'backend.tls' };
  },
  canaryWeight: (c, controller) => {
    canarySample(c, controller, CanaryTraffic.weight(10));
    return { path: 'test/gw/canary', prop: 'traffic' };
  },
  canaryHeader: (c, controller) => {
    canarySample(c, controller, CanaryTraffic.header('x-canary', 'always'));
    return { path: 'test/gw/canary', prop: 'traffic' };
  },
  canaryHeaderPresence: (c, controller) => {
    canarySample(c, controller, CanaryTraffic.headerPresent('x-beta'));
    return { path: 'test/gw/canary', prop: 'traffic' };
  },
  canaryCookie: (c, controller) => {
    canarySample(c, controller, CanaryTraffic.cookie('canary'));
    return { path: 'test/gw/canary', prop: 'traffic' };
  },
  canaryMirror: (c, controller) => {
    // Traffic every controller with mirroring can split: a header canary is refused on fewer.
    const traffic = controller.name === 'kong' ? CanaryTraffic.header('x-canary', 'always') : CanaryTraffic.weight(0);
    canarySample(c, controller, traffic, TrafficMirror.to(Backend.service('api-shadow', 80), { percent: 5 }));
    return { path: 'test/gw/canary', prop: 'mirror' };
  },
};

const POLICY_FEATURES = new Set<string>(Object.keys(POLICY_SAMPLES));

/** A route carrying one policy sample (or, with `policy: false`, the same route without it). */
function policySample(feature: PolicyFeature, chart: Chart, controller: Controller, withPolicy = true): { path: string; prop: string } {
  const { noBackend, tls, ...options } = POLICY_SAMPLES[feature]();
  const gw = new ApiGateway(chart, 'gw', { controller });
  const backend = Backend.service('svc', 80);
  const base = { hosts: ['a.example.com'], match: options.match, backend: noBackend && withPolicy ? undefined : backend };
  gw.addRoute('r', withPolicy ? { ...base, ...options, backend: base.backend } : base);
  if (tls) gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a-cert') });
  return { path: 'test/gw/r', prop: FEATURES[feature].prop };
}

function sample(feature: FeatureKind, chart: Chart, controller: Controller) {
  return POLICY_FEATURES.has(feature)
    ? policySample(feature as PolicyFeature, chart, controller)
    : SAMPLES[feature as Exclude<FeatureKind, PolicyFeature>](chart, controller);
}

/**
 * Policy samples that need a TlsHost (`tls: true`) whose policy the TlsHost's own defaults
 * render identically on a controller: `Redirect.toHttps()` (308) on Kong is the TlsHost's default
 * HTTPS redirect (`konghq.com/protocols: https`, status 308), rendered once.
 */
const SAME_AS_TLS_DEFAULT: Partial<Record<ControllerName, readonly FeatureKind[]>> = {
  kong: ['redirectScheme'],
};

/** The experimental-channel variant of a Gateway API controller, for 🧪 cells. */
const EXPERIMENTAL: Partial<Record<ControllerName, () => Controller>> = {
  'gateway-api': () => Controller.gatewayApi({ gatewayClassName: 'example-gateway-class', experimentalChannel: true }),
  'envoy-gateway': () => Controller.envoyGateway({ experimentalChannel: true }),
  'istio': () => Controller.istio({ experimentalChannel: true }),
  'kong-gateway-api': () => Controller.kong({ mode: KongMode.GATEWAY_API, experimentalChannel: true }),
};

/** A route and a TLS-terminating TlsHost for a.example.com, with extra TlsHost options. */
function tlsSample(c: Chart, controller: Controller, options: object, prop: string): { path: string; prop: string } {
  const gw = new ApiGateway(c, 'gw', { controller });
  gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('svc', 80) });
  gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a-cert'), ...options });
  return { path: 'test/gw/tls', prop };
}

/** A CA of the kind the controller reads for this use (so the sample exercises the feature, not the CA kind). */
function caFor(controller: Controller, usage: CaUsage): CaCertificates {
  const kind = CA_KINDS[controller.name as ControllerName][usage][0] ?? 'Secret';
  return kind === 'Secret' ? CaCertificates.fromSecret('partner-ca') : CaCertificates.fromConfigMap('partner-ca');
}

describe('capability matrix: every cell is decided and behaves as declared', () => {
  const cells = CONTROLLER_NAMES.flatMap(c => FEATURE_KINDS.map(f => [c, f] as const));
  test.each(cells)('%s / %s', (controller, feature) => {
    const chart = newChart();
    const { path: at, prop } = sample(feature, chart, CONTROLLERS[controller]());
    const cell = CAPABILITIES[controller][feature];
    if (cell.supported) {
      const objects = synthConformant(chart);
      expect(objects.length).toBeGreaterThan(0);
      if (POLICY_FEATURES.has(feature) && !cell.native) {
        // The setting must reach the output: the same route without it renders differently...
        const without = newChart();
        policySample(feature as PolicyFeature, without, CONTROLLERS[controller](), false);
        if (SAME_AS_TLS_DEFAULT[controller]?.includes(feature)) {
          // ...except where the sample's TlsHost already renders exactly that setting by default:
          // one redirect, not two (the policy and the TlsHost default are reconciled).
          expect(JSON.stringify(objects)).toEqual(JSON.stringify(synthConformant(without)));
        } else {
          expect(JSON.stringify(objects)).not.toEqual(JSON.stringify(synthConformant(without)));
        }
      }
    } else {
      if (cell.experimental !== undefined) {
        const exp = newChart();
        sample(feature, exp, EXPERIMENTAL[controller]!());
        expect(isSupported(cell, true)).toBe(true);
        expect(synthConformant(exp, { gatewayApiChannel: 'experimental' }).length).toBeGreaterThan(0);
      }
      expect(synthError(chart)).toContain(`[${at}] ${unsupportedMessage(controller, feature, prop)}`);
      expect(unsupportedMessage(controller, feature, prop)).toMatch(
        new RegExp(`^.+ \\(${prop.replace(/[[\].]/g, '\\$&')}\\) is not supported by controller '${controller}': .+\\. Supported by: (none|${CALL}(, ${CALL})*)\\.$`));
    }
  });
});

test('the README capability matrix is generated from the code', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const block = readme.split('<!-- capability-matrix:begin -->')[1]?.split('<!-- capability-matrix:end -->')[0];
  expect(block?.trim()).toBe(capabilityTable().trim());
});

test('every controller column has its scenario suite', () => {
  for (const c of CONTROLLER_NAMES) {
    expect(fs.existsSync(path.join(__dirname, 'controllers', `${c}.test.ts`))).toBe(true);
  }
});
