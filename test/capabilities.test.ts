import * as fs from 'fs';
import * as path from 'path';
import { Chart } from 'cdk8s';
import {
  ApiGateway, Backend, BackendTls, CaCertificates, ClientAuth, ClusterIssuer, Controller, HeaderMatch, Hsts, HttpMethod, IssuerType,
  PathMatch, QueryParamMatch, TlsCertificate, TlsMode, TlsVersion,
} from '../src';
import { CONTROLLERS, newChart, synthConformant, synthError } from './util';
import { CA_KINDS, CaUsage } from '../src/capabilities/areas/tls';
import { unsupportedMessage } from '../src/capabilities/check';
import { CONTROLLER_NAMES, ControllerName, FEATURE_KINDS, FeatureKind } from '../src/capabilities/features';
import { CAPABILITIES } from '../src/capabilities/matrix';
import { capabilityTable } from '../src/capabilities/table';

/**
 * A minimal intent per feature, using that feature and nothing any controller lacks.
 * Typed total: a new feature does not compile until it has a sample. Returns the construct
 * path and prop the standard message must name.
 */
const SAMPLES: { readonly [f in FeatureKind]: (chart: Chart, controller: Controller) => { path: string; prop: string } } = {
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
    const { path: at, prop } = SAMPLES[feature](chart, CONTROLLERS[controller]());
    const cell = CAPABILITIES[controller][feature];
    if (cell.supported) {
      expect(synthConformant(chart).length).toBeGreaterThan(0);
    } else {
      expect(synthError(chart)).toContain(`[${at}] ${unsupportedMessage(controller, feature, prop)}`);
      expect(unsupportedMessage(controller, feature, prop)).toMatch(
        new RegExp(`^.+ \\(${prop.replace(/[[\].]/g, '\\$&')}\\) is not supported by controller '${controller}': .+\\. Supported by: [a-z-, ]+\\.$`));
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
