import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Chart, Testing, Yaml } from 'cdk8s';
import { FAKE_INGRESS, FAKE_READER, FAKE_REGISTRY } from './fake-reader';
import { ApiGateway, Backend, Importer, TlsCertificate } from '../../src';
import { ControllerName } from '../../src/capabilities/features';
import { main } from '../../src/cli';
import { runImport } from '../../src/import/importer';
import * as readers from '../../src/import/readers';
import { CONTROLLERS } from '../util';

/*
 * The import layer (API, CLI, report) over a fake reader that exists only in this test: the
 * pipeline is checked without any controller's real reader.
 */

const HOSTILE = FAKE_INGRESS.replace('    fake.example/rps: "20"\n', '    fake.example/rps: "20"\n    fake.example/snippet: "more_set_headers x"\n');

function cli(args: string[], files: Record<string, string> = {}): { code: number; out: string[]; err: string[]; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-gateway-cli-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { io: { stdout: l => out.push(l), stderr: l => err.push(l), cwd: dir }, registry: FAKE_REGISTRY });
  return { code, out, err, dir };
}

describe('runImport (fake reader)', () => {
  test('a fully mapped input imports with exit status 0, and the code uses the public API', () => {
    const run = runImport([{ file: 'web.yaml', text: FAKE_INGRESS }], { registry: FAKE_REGISTRY, to: 'envoy-gateway' });
    expect(run.exitCode).toBe(0);
    expect(run.from).toEqual(['ingress-nginx']);
    expect(run.refused).toEqual([]);
    expect(run.code).toContain("const fake = new ApiGateway(chart, 'fake', { controller: Controller.envoyGateway(), namespace: 'shop' });");
    expect(run.code).toContain([
      "fake.addRoute('web-0-0', {",
      "  hosts: ['shop.example.com'],",
      "  match: { path: PathMatch.prefix('/api') },",
      "  backend: Backend.service('api', 8080),",
      '  rateLimit: RateLimit.perClientIp({ requests: 20 }),',
      '});',
    ].join('\n'));
    expect(run.report).toContain('## Cannot move (0)');
    expect(run.report).toContain("| `metadata.annotations['fake.example/rps']` | `20` | Route.rateLimit (RateLimit.perClientIp requests) |");
  });

  test('an unmapped annotation gives exit status 3 and a "cannot move" line', () => {
    const run = runImport([{ file: 'web.yaml', text: HOSTILE }], { registry: FAKE_REGISTRY, to: 'envoy-gateway' });
    expect(run.exitCode).toBe(3);
    expect(run.report).toContain("- `Ingress shop/web` `metadata.annotations['fake.example/snippet']` = `more_set_headers x`: not a fake annotation");
  });

  test('what the target refuses is listed with the standard message and the input object', () => {
    const run = runImport([{ file: 'web.yaml', text: FAKE_INGRESS }], { registry: FAKE_REGISTRY, to: 'gateway-api' });
    expect(run.exitCode).toBe(3);
    expect(run.refused).toEqual([
      "[imported/fake/web-0-0] Rate limit per client IP (rateLimit) is not supported by controller 'gateway-api': Gateway API has no standard field for rate limits; choose an implementation such as Controller.envoyGateway(). Supported by: Controller.ingressNginx(), Controller.traefik(), Controller.traefik({ output: TraefikOutput.INGRESS }), Controller.kong(), Controller.kong({ mode: KongMode.GATEWAY_API }), Controller.envoyGateway(). (from Ingress shop/web)",
    ]);
    expect(run.report).toContain('## Refused by gateway-api (1)');
    expect(run.report).toContain("The portable Gateway API output needs your cluster's GatewayClass: `main.ts` names 'my-gateway-class'; replace it.");
    expect(run.code).toContain("Controller.gatewayApi({ gatewayClassName: 'my-gateway-class' })");
  });

  test('objects no reader accepts are listed as not read; unrelated kinds are skipped', () => {
    const other = FAKE_INGRESS.replace('name: web', 'name: other').replace('ingressClassName: fake', 'ingressClassName: traefik');
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: shop\n';
    const run = runImport([{ file: 'all.yaml', text: [FAKE_INGRESS, other, deployment].join('---\n') }], { registry: FAKE_REGISTRY });
    expect(run.items.filter(i => i.reason !== undefined)).toEqual([{
      object: 'Ingress shop/other',
      field: '(object)',
      reason: 'no reader accepts it (readers: ingress-nginx); its controller cannot be read yet, or it belongs to another controller',
    }]);
    expect(run.report).toContain('## Skipped (1)\n\nObjects of kinds no reader looks at:\n\n- Deployment shop/api');
    expect(run.to).toBe('ingress-nginx');
  });

  test('bad options and bad input name the problem', () => {
    expect(() => runImport([{ file: 'a.yaml', text: FAKE_INGRESS }], { registry: FAKE_REGISTRY, from: 'nginx' }))
      .toThrow("--from 'nginx' is not a controller: use auto or one of ingress-nginx, traefik, traefik-ingress, kong, kong-gateway-api, gateway-api, envoy-gateway, istio");
    expect(() => runImport([{ file: 'a.yaml', text: FAKE_INGRESS }], { registry: FAKE_REGISTRY, from: 'kong' }))
      .toThrow('--from kong: no reader for this controller yet (readable: ingress-nginx)');
    expect(() => runImport([{ file: 'a.yaml', text: `${FAKE_INGRESS}---\n${FAKE_INGRESS}` }], { registry: FAKE_REGISTRY }))
      .toThrow('a.yaml: document 2: Ingress shop/web is defined twice (first in a.yaml: document 1)');
  });
});

describe('Importer.importManifests (public API)', () => {
  afterEach(() => jest.restoreAllMocks());

  test('reads through the registry and returns code, report, items and the exit status', () => {
    jest.spyOn(readers, 'readableControllers').mockReturnValue(['ingress-nginx']);
    jest.spyOn(readers, 'readerFor').mockImplementation(c => (c === 'ingress-nginx' ? FAKE_READER : undefined));
    const result = Importer.importManifests(HOSTILE, { targetController: 'envoy-gateway' });
    expect(result.exitCode).toBe(3);
    expect(result.sourceControllers).toEqual(['ingress-nginx']);
    expect(result.targetController).toBe('envoy-gateway');
    expect(result.items.map(i => `${i.field} ${i.to ?? `! ${i.reason}`}`)).toEqual([
      "metadata.annotations['fake.example/rps'] Route.rateLimit (RateLimit.perClientIp requests)",
      "metadata.annotations['fake.example/snippet'] ! not a fake annotation",
      'spec.ingressClassName ApiGateway.controller',
      'spec.rules[0].http.paths[0] Route (match, backend)',
    ]);
    expect(result.code).toContain("from 'cdk8s-gateway';");
  });

  test('bad arguments from JS callers are the library\'s errors', () => {
    expect(() => Importer.importManifests(null as any)).toThrow('Importer.importManifests: yamlText must be a string of YAML, got null');
    expect(() => Importer.importManifests('', { targetController: 3 as any })).toThrow('Importer.importManifests: options.targetController must be a string');
    expect(() => Importer.importManifests('kind: [', {})).toThrow(/^<input>: document 1: not valid YAML/);
  });
});

describe('cdk8s-gateway import (CLI, in-process)', () => {
  test('writes main.ts and MIGRATION.md, prints a summary, exit 0', () => {
    const r = cli(['import', '--to', 'envoy-gateway', '--out', 'app', 'manifests'], { 'manifests/web.yaml': FAKE_INGRESS, 'manifests/notes.txt': 'not yaml: [' });
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      'Read 1 object: 1 gateway, 1 route, 0 TLS hosts, 0 canaries, 0 issuers; 3 settings imported, 0 cannot move; envoy-gateway refuses 0.',
      'Wrote app/main.ts and app/MIGRATION.md.',
    ]);
    expect(fs.readFileSync(path.join(r.dir, 'app', 'main.ts'), 'utf8')).toContain('Controller.envoyGateway()');
    expect(fs.readFileSync(path.join(r.dir, 'app', 'MIGRATION.md'), 'utf8')).toMatch(/^# Migration report\n\nImported by `cdk8s-gateway import` from `manifests\/web.yaml` \(read as ingress-nginx\), generated for \*\*envoy-gateway\*\*\./);
  });

  test('exit 3 with unmapped items, and the default output directory', () => {
    const r = cli(['import', 'web.yml'], { 'web.yml': HOSTILE });
    expect(r.code).toBe(3);
    expect(r.out[2]).toBe('1 setting cannot move and ingress-nginx refuses 0: see imported/MIGRATION.md.');
    expect(fs.existsSync(path.join(r.dir, 'imported', 'main.ts'))).toBe(true);
  });

  test('exit 2 on bad input, naming the file and the document', () => {
    const r = cli(['import', 'bad.yaml'], { 'bad.yaml': `${FAKE_INGRESS}---\n42\n` });
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['cdk8s-gateway import: bad.yaml: document 2: not a Kubernetes object (a number, expected a mapping with apiVersion, kind and metadata)']);
    expect(fs.existsSync(path.join(r.dir, 'imported'))).toBe(false);
  });

  test('exit 2 on usage errors', () => {
    expect(cli(['import']).err[0]).toBe('cdk8s-gateway import: give at least one FILE or DIR');
    expect(cli(['import', '--bogus', 'x']).code).toBe(2);
    expect(cli(['import', 'missing.yaml']).err).toEqual(['cdk8s-gateway import: missing.yaml: no such file or directory']);
    expect(cli(['import', '--to', 'nginx', 'a.yaml'], { 'a.yaml': FAKE_INGRESS }).err[0]).toMatch(/^cdk8s-gateway import: --to 'nginx' is not a controller/);
    const unknown = cli(['export']);
    expect(unknown.code).toBe(2);
    expect(unknown.err[0]).toBe("cdk8s-gateway: unknown command 'export' (commands: import, report, check)");
    expect(cli(['--help']).code).toBe(0);
  });
});

describe('--from auto tells the Gateway API implementations apart', () => {
  /** The objects one ApiGateway renders for `column` (no GatewayClass among them). */
  function output(column: ControllerName): any[] {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'edge' });
    const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS[column]() });
    gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('app', 8080) });
    return Testing.synth(chart);
  }
  const from = (objects: any[]) => runImport([{ file: 'in.yaml', text: Yaml.stringify(...objects) }]).from;
  const gatewayClass = (controllerName: string) => ({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'x' }, spec: { controllerName } });

  test.each<[ControllerName, ControllerName]>([
    ['gateway-api', 'gateway-api'],
    ['envoy-gateway', 'envoy-gateway'],
    ['istio', 'istio'],
    ['kong-gateway-api', 'kong-gateway-api'],
  ])('%s output, read back with no hint but its own class name, is labelled %s', (column, expected) => {
    expect(from(output(column))).toEqual([expected]);
  });

  test('a GatewayClass controllerName decides, whatever the class is called', () => {
    const objects = output('gateway-api');
    expect(from([...objects, gatewayClass('gateway.envoyproxy.io/gatewayclass-controller')])).toEqual(['envoy-gateway']);
    expect(from([...objects, gatewayClass('istio.io/gateway-controller')])).toEqual(['istio']);
    expect(from([...objects, gatewayClass('konghq.com/kic-gateway-controller')])).toEqual(['kong-gateway-api']);
    expect(from([...objects, gatewayClass('example.com/other-controller')])).toEqual(['gateway-api']);
  });

  test('--from <controller> still reads with that controller only', () => {
    expect(runImport([{ file: 'in.yaml', text: Yaml.stringify(...output('gateway-api')) }], { from: 'istio' }).from).toEqual(['istio']);
  });

  test('Traefik Ingress output with a TlsHost (its redirect is an IngressRoute) is read by the traefik-ingress reader alone, redirect included', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'edge' });
    const gw = new ApiGateway(chart, 'gw', { controller: CONTROLLERS['traefik-ingress']() });
    gw.addRoute('r', { hosts: ['a.example.com'], backend: Backend.service('app', 8080) });
    gw.addTlsHost('tls', { hosts: ['a.example.com'], certificate: TlsCertificate.fromSecret('a-cert') });
    const objects = Testing.synth(chart);
    expect(objects.map(o => o.kind).sort()).toEqual(['Ingress', 'IngressRoute', 'Middleware']);
    const run = runImport([{ file: 'in.yaml', text: Yaml.stringify(...objects) }]);
    expect(run.from).toEqual(['traefik-ingress']);
    expect(run.items.filter(i => i.to === undefined)).toEqual([]);
    expect(run.gateways).toHaveLength(1);
    expect(run.gateways[0].tlsHosts.map(t => [t.hosts, t.httpsRedirect])).toEqual([[['a.example.com'], true]]);
  });
});
