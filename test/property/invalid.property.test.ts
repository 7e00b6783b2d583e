import { Testing } from 'cdk8s';
import { checkManifests, formatIssues } from '../conformance';
import { fixture, invalidCaseArb, InvalidCase, listPositions, listShapes, notOurs, positions, replaceAt, SITES } from './invalid';
import { assertWithSeed, RUNS, seedFor } from './run';
import { CONTROLLER_NAMES } from '../../src/capabilities/features';

/** Runs one invalid call (and synth, if the call was accepted); throws unless every failure is ours. */
function check(c: InvalidCase): void {
  const site = SITES[c.site];
  const f = fixture(c.controller);
  const valid = site.args(f);
  const where = positions(valid);
  const path = where[c.position % where.length];
  run(c, f, path, replaceAt(valid, path, c.garbage) as unknown[]);
}

function run(c: InvalidCase, f: ReturnType<typeof fixture>, path: ReadonlyArray<string | number>, args: unknown[]): void {
  const site = SITES[c.site];
  let stage = 'call';
  try {
    site.call(f, args);
    stage = 'synth';
    const objects = Testing.synth(f.chart);
    const issues = checkManifests(objects, { gatewayApiChannel: 'experimental' });
    if (issues.length > 0) throw new Error(`INVALID OUTPUT accepted:\n${formatIssues(issues)}`);
  } catch (e) {
    const problem = (e as Error).message?.startsWith('INVALID OUTPUT') ? (e as Error).message : notOurs(e);
    if (problem) throw new Error(`${site.name} on ${c.controller}, args${path.map(p => `[${JSON.stringify(p)}]`).join('')} = ${show(c.garbage)} (${stage}):\n${problem}`);
  }
}

function show(v: unknown): string {
  try {
    return typeof v === 'function' ? `function ${v.name}` : typeof v === 'symbol' || typeof v === 'bigint' ? String(v) : JSON.stringify(v) ?? String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

/** Every list-valued argument or prop of every site, in every shape a JS / Python caller can pass. */
const LIST_CASES = SITES.flatMap((site, i) => {
  const valid = site.args(fixture('ingress-nginx'));
  return listPositions(valid).flatMap(path => {
    const list = path.reduce<any>((v, k) => v[k], valid) as unknown[];
    return listShapes(list).map(shape => ({ site: i, path, shape: shape.name }));
  });
});

describe('list-valued props from JavaScript and Python callers', () => {
  test('every list-valued prop of the public API is covered (each list in the sites\' valid arguments)', () => {
    expect([...new Set(LIST_CASES.map(c => `${SITES[c.site].name} ${c.path.join('.')}`))]).toEqual([
      'ApiGateway.addRoute 1.hosts', 'ApiGateway.addRoute 1.match.headers', 'ApiGateway.addRoute 1.match.queryParams',
      'new Route (matches, backends, redirect) 1.hosts', 'new Route (matches, backends, redirect) 1.matches', 'new Route (matches, backends, redirect) 1.backends',
      'new Route (redirect only) 0.hosts', 'new RateLimitedRoute 0.hosts', 'ApiGateway.addTlsHost 1.hosts', 'new TlsHost 0.hosts', 'ApiGateway.addCanary 1.hosts',
      'Controller.istio 0.attachTo.sectionNames',
      'Backend.fromServicePorts 1', 'RateLimit.perClientIp 0.exemptCidrs', 'Cors.allow 0.origins', 'Cors.allow 0.methods', 'Cors.allow 0.headers',
      'Cors.allow 0.exposeHeaders', 'HeaderRules.of 0.request.remove', 'HeaderRules.of 0.response.remove', 'IpAccess.allow 0', 'IpAccess.deny 0',
      'Retries.of 0.on', 'Retries.of 0.statusCodes', 'EdgeAuth.external 0.responseHeaders', 'EdgeAuth.external 0.requestHeaders', 'EdgeAuth.jwt 0.audiences', 'EdgeAuth.jwt 0.claimsToHeaders',
      'ApiGateway.addTlsHost (terminate, every option) 1.hosts', 'ApiGateway.addTlsHost (passthrough) 1.hosts', 'new Certificate 0.dnsNames',
      'IssuerType.acme 0.solvers', 'AcmeSolver.dns01 1.selector.dnsNames', 'AcmeSolver.dns01 1.selector.dnsZones',
      'AcmeSolver.http01Gateway 1.selector.dnsNames',
    ]);
  });

  test.each(CONTROLLER_NAMES)('%s: holes, undefined / null elements and non-arrays give the library\'s error naming the field', (controller) => {
    const failures: string[] = [];
    for (const c of LIST_CASES) {
      const f = fixture(controller);
      const valid = f ? SITES[c.site].args(f) : [];
      const list = c.path.reduce<any>((v, k) => v[k], valid) as unknown[];
      const shape = listShapes(list).find(s => s.name === c.shape)!;
      try {
        run({ site: c.site, controller, position: 0, garbage: shape.value }, f, c.path, replaceAt(valid, c.path, shape.value) as unknown[]);
      } catch (e) {
        failures.push(`${c.shape}: ${(e as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('random invalid inputs to every public constructor and factory', () => {
  test(`${RUNS} cases: accepted into valid objects, or refused with the library's own errors`, () => {
    assertWithSeed('invalid inputs', invalidCaseArb, check, seedFor('invalid'));
  });
});
