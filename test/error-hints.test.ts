import { Chart, Duration, Testing } from 'cdk8s';
import {
  AcmeServer, AcmeSolver, ApiGateway, Backend, Certificate, ClusterIssuer, Cors, EdgeAuth, Hsts, IssuerType, PathMatch, Redirect, Rewrite,
  SessionAffinity, Timeouts, TlsCertificate,
} from '../src';
import { CONTROLLERS } from './util';
import { ControllerName } from '../src/capabilities/features';

/*
 * Errors that point at the right fix: '*' as a host, internationalized names, NaN / Infinity
 * durations (named as written, with the construct path where a construct receives them).
 */

function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
}

const STAR = "'*' is not a hostname: omit hosts for a catch-all that matches every host, or use a wildcard such as '*.example.com' (one label) or '**.example.com' (any depth)";
const IDN = "'bücher.example.com' is an internationalized name; write its A-label (punycode) spelling 'xn--bcher-kva.example.com'";
const NAN = (written: string) => `${written} is not a finite duration; give a finite amount, e.g. Duration.seconds(30)`;

describe.each(Object.keys(CONTROLLERS) as ControllerName[])('%s', (c) => {
  const gateway = () => new ApiGateway(new Chart(Testing.app(), 'shop'), 'edge', { controller: CONTROLLERS[c]() });

  test("'*' as a host points at the catch-all (omit hosts), on routes, TLS hosts and canaries", () => {
    const gw = gateway();
    expect(thrown(() => gw.addRoute('r', { hosts: ['*'], backend: Backend.service('a', 80) }))).toBe(`[shop/edge/r] Route.hosts[0]: ${STAR}`);
    expect(thrown(() => gw.addTlsHost('t', { hosts: ['*'], certificate: TlsCertificate.fromSecret('s') }))).toBe(`[shop/edge/t] TlsHost.hosts[0]: ${STAR}`);
    const stable = gw.addRoute('api', { hosts: ['a.shop.dev'], backend: Backend.service('a', 80) });
    expect(thrown(() => gw.addCanary('c', { stable, hosts: ['*'], canary: Backend.service('b', 80), traffic: undefined as never })))
      .toBe(`[shop/edge/c] CanarySplit.hosts[0]: ${STAR}`);
  });

  test('an internationalized host names its A-label spelling', () => {
    const gw = gateway();
    expect(thrown(() => gw.addRoute('r', { hosts: ['bücher.example.com'], backend: Backend.service('a', 80) }))).toBe(`[shop/edge/r] Route.hosts[0]: ${IDN}`);
    expect(thrown(() => gw.addTlsHost('t', { hosts: ['bücher.example.com'], certificate: TlsCertificate.fromSecret('s') }))).toBe(`[shop/edge/t] TlsHost.hosts[0]: ${IDN}`);
  });

  test('literal paths: regex syntax names PathMatch.regex, encoded dot-segments and controls are refused like their clear forms', () => {
    const gw = gateway();
    const route = (path: PathMatch) => thrown(() => gw.addRoute('r', { match: { path }, backend: Backend.service('a', 80) }));
    expect(route(PathMatch.prefix('/api/(.*)'))).toBe("[shop/edge/r] Route.match.path: '/api/(.*)' contains the pattern '.*', but this path is matched (or written) literally, "
      + "so it would never do what the pattern says; use PathMatch.regex() for a regular-expression match, or a plain prefix such as PathMatch.prefix('/api/')");
    expect(route(PathMatch.exact('/static/*'))).toBe("[shop/edge/r] Route.match.path: '/static/*' contains a '*' wildcard, but this path is matched (or written) literally, "
      + "so it would never do what the pattern says; use PathMatch.regex() for a regular-expression match, or a plain prefix such as PathMatch.prefix('/static/')");
    expect(route(PathMatch.prefix('/a/%2E%2e/etc'))).toBe("[shop/edge/r] Route.match.path: '/a/%2E%2e/etc' must not contain '.' or '..' segments, percent-encoded ('%2e') or not");
    expect(route(PathMatch.prefix('/a%0d%0aSet-Cookie:x'))).toBe("[shop/edge/r] Route.match.path: '/a%0d%0aSet-Cookie:x' must not contain percent-encoded control characters or backslashes (%00-%1F, %7F, %5C)");
    expect(thrown(() => Rewrite.replaceFullPath('/$1'))).toBe('no error');
    expect(route(PathMatch.prefix('/c++/files(1)'))).toBe('no error');
  });

  test('a NaN / Infinity duration received by a construct names the value and the construct', () => {
    const gw = gateway();
    gw.addRoute('r', { hosts: ['a.shop.dev'], backend: Backend.service('a', 80) });
    expect(thrown(() => gw.addTlsHost('t', { hosts: ['a.shop.dev'], certificate: TlsCertificate.fromIssuer(ClusterIssuer.fromName('le'), { duration: Duration.hours(Infinity) }) })))
      .toBe(`[shop/edge/t] TlsHost.certificate: ${NAN('Duration.hours(Infinity)')}`);
    expect(thrown(() => gw.addTlsHost('t2', { hosts: ['a.shop.dev'], certificate: TlsCertificate.fromSecret('s'), hsts: Hsts.enable({ maxAge: Duration.days(NaN) }) })))
      .toBe(`[shop/edge/t2] TlsHost.hsts.maxAge: ${NAN('Duration.days(NaN)')}`);
  });
});

describe('value factories', () => {
  test.each<[string, () => unknown, string]>([
    ['Redirect.to host *', () => Redirect.to({ host: '*' }), `Redirect.host: ${STAR}`],
    ['Rewrite.hostname IDN', () => Rewrite.hostname('bücher.example.com'), `Rewrite.hostname: ${IDN}`],
    ['Cors origin IDN', () => Cors.allow({ origins: ['https://bücher.example.com'] }),
      "Cors.origins[0]: 'https://bücher.example.com' has an internationalized host; write its A-label (punycode) spelling 'https://xn--bcher-kva.example.com'"],
    ['EdgeAuth URL IDN', () => EdgeAuth.external({ url: 'https://bücher.example.com/auth' }),
      "EdgeAuth.external.url: 'https://bücher.example.com/auth' has an internationalized host; write its A-label (punycode) spelling 'https://xn--bcher-kva.example.com/auth'"],
    ['Timeouts NaN', () => Timeouts.of({ connect: Duration.seconds(NaN) }), `Timeouts.connect: ${NAN('Duration.seconds(NaN)')}`],
    ['Timeouts Infinity', () => Timeouts.of({ read: Duration.minutes(Infinity) }), `Timeouts.read: ${NAN('Duration.minutes(Infinity)')}`],
    ['SessionAffinity ttl NaN', () => SessionAffinity.cookie({ name: 'c', ttl: Duration.hours(NaN) }), `SessionAffinity.cookie.ttl: ${NAN('Duration.hours(NaN)')}`],
    ['Cors maxAge Infinity', () => Cors.allow({ origins: ['https://a.shop.dev'], maxAge: Duration.seconds(Infinity) }), `Cors.maxAge: ${NAN('Duration.seconds(Infinity)')}`],
  ])('%s', (_name, fn, message) => {
    expect(thrown(fn)).toBe(message);
  });

  test('cert-manager: IDN email and ACME server, NaN certificate duration, with the construct path', () => {
    const chart = new Chart(Testing.app(), 'shop');
    expect(thrown(() => new ClusterIssuer(chart, 'a', { type: IssuerType.acme({ server: AcmeServer.letsEncryptStaging(), email: 'ops@bücher.de', solvers: [AcmeSolver.http01()] }) })))
      .toBe("[shop/a] ClusterIssuer.type.email: 'ops@bücher.de' has an internationalized domain; write it in its A-label (punycode) spelling 'ops@xn--bcher-kva.de'");
    expect(thrown(() => new ClusterIssuer(chart, 'b', { type: IssuerType.acme({ server: AcmeServer.custom('https://bücher.de/acme'), email: 'ops@shop.dev', solvers: [AcmeSolver.http01()] }) })))
      .toBe("[shop/b] ClusterIssuer.type.server: 'https://bücher.de/acme' has an internationalized host; write its A-label (punycode) spelling 'https://xn--bcher-kva.de/acme'");
    expect(thrown(() => new Certificate(chart, 'c', { issuer: ClusterIssuer.fromName('le'), dnsNames: ['a.shop.dev'], secretName: 's', renewBefore: Duration.hours(NaN) })))
      .toBe(`[shop/c] Certificate.renewBefore: ${NAN('Duration.hours(NaN)')}`);
    expect(thrown(() => new Certificate(chart, 'd', { issuer: ClusterIssuer.fromName('le'), dnsNames: ['*'], secretName: 's' }))).toBe(`[shop/d] Certificate.dnsNames[0]: ${STAR}`);
  });
});
