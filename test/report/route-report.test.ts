import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Duration, Yaml } from 'cdk8s';
import { primerChart } from './primer';
import { ApiGateway, Backend, CanaryTraffic, DirectResponse, PathMatch, Route, RouteReport, Timeouts } from '../../src';
import { main } from '../../src/cli';
import { mermaidLabel } from '../../src/report/formats';

const before = () => RouteReport.fromChart(primerChart('ingress-nginx'));
/** The primer with a new route (and a timeout), a canary on /v1, and web.example.com removed. */
function changePrimer(edge: ApiGateway): void {
  edge.addRoute('api-v3', {
    hosts: ['api.example.com'],
    match: { path: PathMatch.prefix('/v3') },
    backend: Backend.service('api-v3', 8080),
    timeouts: Timeouts.of({ read: Duration.seconds(30) }),
  });
  edge.addCanary('v1-canary', { stable: edge.node.findChild('api-v1') as Route, canary: Backend.service('api-v1-next', 8080), traffic: CanaryTraffic.weight(10) });
  edge.node.tryRemoveChild('web');
}
const after = () => RouteReport.fromChart(primerChart('ingress-nginx', changePrimer));


const AFTER_MD = `# Route report

## Gateway \`shop/nginx\` (ingress-nginx)

### api.example.com

TLS: certificate shop/api-tls-cert, HTTPS redirect

| Match | Backends | Policies |
|---|---|---|
| Prefix /v1 | shop/api-v1:8080 weight 9<br>shop/api-v1-next:8080 weight 1 | - |
| Prefix /v2 | shop/api-v2:8080 | - |
| Prefix /v3 | shop/api-v3:8080 | timeouts: {"readMs":30000} |
`;

const AFTER_MERMAID = `flowchart LR
  subgraph g0["shop/nginx (ingress-nginx)"]
    g0h0("api.example.com<br>TLS shop/api-tls-cert")
    g0h0m0["Prefix /v1"]
    g0h0m1["Prefix /v2"]
    g0h0m2["Prefix /v3<br>timeouts"]
  end
  b0[("shop/api-v1:8080")]
  b1[("shop/api-v1-next:8080")]
  b2[("shop/api-v2:8080")]
  b3[("shop/api-v3:8080")]
  g0h0 --> g0h0m0
  g0h0m0 -->|"weight 9"| b0
  g0h0m0 -->|"weight 1"| b1
  g0h0 --> g0h0m1
  g0h0m1 --> b2
  g0h0 --> g0h0m2
  g0h0m2 --> b3
`;

const DIFF_MD = `# Route changes

1 added, 1 removed, 1 changed.

| Change | Host | What | Before | After |
|---|---|---|---|---|
| changed | api.example.com | Prefix /v1 | to shop/api-v1:8080 | to shop/api-v1:8080 weight 9<br>to shop/api-v1-next:8080 weight 1 |
| added | api.example.com | Prefix /v3 | - | to shop/api-v3:8080<br>timeouts: {"readMs":30000} |
| removed | web.example.com | Prefix / | to shop/web-frontend:80 | - |
`;

const DIFF_LINES = [
  '~ api.example.com Prefix /v1: to shop/api-v1:8080 => to shop/api-v1:8080 weight 9; to shop/api-v1-next:8080 weight 1',
  '+ api.example.com Prefix /v3: to shop/api-v3:8080; timeouts: {"readMs":30000}',
  '- web.example.com Prefix /: to shop/web-frontend:80',
];

describe('RouteReport', () => {
  test('Markdown: per gateway and host, matches with backends, canaries, policies and TLS', () => {
    expect(after().toMarkdown()).toBe(AFTER_MD);
  });

  test('Mermaid: host -> match -> backend, every label quoted', () => {
    expect(after().toMermaid()).toBe(AFTER_MERMAID);
  });

  test('JSON: the route table entries with sorted keys', () => {
    const json = JSON.parse(after().toJson());
    expect(json.unmapped).toEqual([]);
    expect(json.gateways.map((g: any) => [g.controller, g.gateway])).toEqual([['ingress-nginx', 'shop/nginx']]);
    const v3 = json.gateways[0].routes.find((r: any) => r.match.path.value === '/v3');
    expect(v3).toEqual({
      backends: [{ namespace: 'shop', port: 8080, service: 'api-v3', weight: 1 }],
      host: 'api.example.com',
      match: { headers: [], path: { kind: 'Prefix', value: '/v3' }, queryParams: [] },
      namespace: 'shop',
      policies: { timeouts: { readMs: 30000 } },
    });
    expect(json.gateways[0].tls).toEqual([{ host: 'api.example.com', httpsRedirect: true, managedCertificate: false, secret: 'shop/api-tls-cert' }]);
  });

  test('deterministic: the same input gives the same bytes', () => {
    expect(after().toJson()).toBe(after().toJson());
    expect(after().toMermaid()).toBe(after().toMermaid());
  });

  test('diff: added, removed and changed routes and policies', () => {
    const d = RouteReport.diff(before(), after());
    expect(d.toMarkdown()).toBe(DIFF_MD);
    expect(d.toLines()).toEqual(DIFF_LINES);
    expect(d.empty).toBe(false);
    expect(RouteReport.diff(before(), before()).toMarkdown()).toBe('# Route changes\n\nNo change: both sides serve the same requests the same way.\n');
  });

  test('diff by meaning: the primer on ingress-nginx and on envoy-gateway serve the same requests', () => {
    expect(RouteReport.diff(before(), RouteReport.fromChart(primerChart('envoy-gateway'))).toLines()).toEqual([]);
  });

  test('unmapped items are listed', () => {
    const yaml = fs.readFileSync(path.join(__dirname, '..', 'import', 'corpus', 'ingress-nginx', '19-snippets.yaml'), 'utf8');
    const report = RouteReport.fromManifests(yaml);
    expect(report.unmapped.length).toBeGreaterThan(0);
    expect(report.unmapped.every(l => report.toMarkdown().includes(l.split(' ')[0]))).toBe(true);
    expect(report.toMarkdown()).toContain('## Unmapped\n\n| Object | Field | Value | Reason |');
  });

  test('a route that answers itself shows its status (and the body\'s content type) instead of backends', () => {
    const report = RouteReport.fromChart(primerChart('envoy-gateway', edge => {
      edge.addRoute('down', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/down') }, respond: DirectResponse.fixed({ statusCode: 503, body: 'Back soon' }) });
      edge.addRoute('gone', { hosts: ['api.example.com'], match: { path: PathMatch.exact('/gone') }, respond: DirectResponse.fixed({ statusCode: 500 }) });
    }));
    expect(report.toMarkdown()).toContain('| Prefix /down | (answers 503 with a text/plain; charset=utf-8 body) | - |');
    expect(report.toMarkdown()).toContain('| Exact /gone | (answers 500) | - |');
    expect(report.toMermaid()).toContain('answers 503');
  });

  test('Mermaid labels escape quotes, markup and newlines', () => {
    expect(mermaidLabel('a "b" <c> & #d `e`\nf')).toBe('"a #quot;b#quot; #lt;c#gt; #amp; #35;d #96;e#96;<br>f"');
  });

  test('bad inputs name the argument', () => {
    expect(() => RouteReport.fromManifests(undefined as any)).toThrow('RouteReport.fromManifests: yamlText must be YAML text, got undefined');
    expect(() => RouteReport.fromManifests('', { sourceController: 'nginx' })).toThrow("from 'nginx' is not a controller");
    expect(() => RouteReport.diff(before(), null as any)).toThrow('RouteReport.diff: before and after must be RouteReports');
  });
});

describe('cdk8s-gateway report', () => {
  const run = (args: string[], cwd: string) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = main(args, { io: { stdout: l => out.push(l), stderr: l => err.push(l), cwd } });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-cli-'));
    fs.writeFileSync(path.join(dir, 'old.yaml'), primerYaml(false));
    fs.writeFileSync(path.join(dir, 'new.yaml'), primerYaml(true));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('formats md, json, mermaid over a file', () => {
    expect(run(['report', 'new.yaml'], dir)).toEqual({ code: 0, out: AFTER_MD.replace(/\n$/, ''), err: '' });
    expect(run(['report', '--format', 'mermaid', 'new.yaml'], dir).out).toBe(AFTER_MERMAID.replace(/\n$/, ''));
    expect(JSON.parse(run(['report', '--format', 'json', 'new.yaml'], dir).out).gateways[0].gateway).toBe('shop/nginx');
  });

  test('--diff OLD NEW', () => {
    expect(run(['report', '--diff', 'old.yaml', 'new.yaml'], dir)).toEqual({ code: 0, out: DIFF_MD.replace(/\n$/, ''), err: '' });
    expect(run(['report', '--diff', '--format', 'text', 'old.yaml', 'new.yaml'], dir).out).toBe(DIFF_LINES.join('\n'));
  });

  test('usage errors exit 2', () => {
    expect(run(['report', '--format', 'svg', 'new.yaml'], dir).code).toBe(2);
    expect(run(['report', '--diff', 'old.yaml'], dir).err).toContain('--diff takes exactly two paths: OLD NEW');
    expect(run(['report', 'missing.yaml'], dir).err).toContain('missing.yaml: no such file or directory');
  });
});

function primerYaml(changed: boolean): string {
  const chart = changed ? primerChart('ingress-nginx', changePrimer) : primerChart('ingress-nginx');
  return Yaml.stringify(...chart.toJson());
}
