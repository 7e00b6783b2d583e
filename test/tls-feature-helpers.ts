import { newChart } from './util';
import { ApiGateway } from '../src';
import { ControllerName } from '../src/capabilities/features';
import { routeTable } from '../src/checks/route-table';
import { KubeObject } from '../src/controllers/reader';
import { buildApp } from '../src/import/build';
import { generateCode } from '../src/import/codegen';
import { planImport } from '../src/import/plan';

/** Helpers shared by the tests of TLS options (cipher suites, session tickets, backend client certificates, route protocols). */

/** A Gateway with one HTTPS listener `https-a` (a.example.com) and an Envoy Gateway ClientTrafficPolicy setting `tls` on it. */
export function envoyListenerTlsPolicy(tls: object): KubeObject[] {
  return [
    {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'gw', namespace: 'edge' },
      spec: {
        gatewayClassName: 'eg',
        listeners: [{ name: 'https-a', protocol: 'HTTPS', port: 443, hostname: 'a.example.com', tls: { mode: 'Terminate', certificateRefs: [{ name: 'a-cert' }] } }],
      },
    },
    {
      apiVersion: 'gateway.envoyproxy.io/v1alpha1',
      kind: 'ClientTrafficPolicy',
      metadata: { name: 'tls', namespace: 'edge' },
      spec: { targetRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'gw', sectionName: 'https-a' }], tls },
    },
  ];
}

/** The import codegen of `gw` prints `snippet`, and building its plan gives the same route table. */
export function expectImportRoundTrip(gw: ApiGateway, controller: ControllerName, snippet: string): void {
  const plan = planImport({ gateways: [gw._gatewayIr()], issuersBySecret: new Map() });
  expect(generateCode(plan, { controller, importFrom: 'cdk8s-gateway' })).toContain(snippet);
  const rebuilt = newChart();
  expect(buildApp(rebuilt, plan, controller).errors).toEqual([]);
  const again = rebuilt.node.findAll().find((c): c is ApiGateway => c instanceof ApiGateway)!;
  expect(routeTable(again._gatewayIr())).toEqual(routeTable(gw._gatewayIr()));
}

/** `f` fails with the library's own message containing `expected`, never a TypeError. */
export function expectOwnError(f: () => unknown, expected: string): void {
  let message = '';
  try { f(); } catch (e) { message = (e as Error).message; }
  expect(message).toContain(expected);
  expect(message).not.toMatch(/TypeError|Cannot read/);
}
