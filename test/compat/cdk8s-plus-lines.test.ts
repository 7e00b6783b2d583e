import * as path from 'path';
import { Testing } from 'cdk8s';
import * as kplus27 from 'cdk8s-plus-27';
import * as kplus34 from 'cdk8s-plus-34';
import * as ts from 'typescript';
import { ApiGateway, Backend, Controller } from '../../src';
import { newChart } from '../util';

describe('Backend.fromService takes a Service of any cdk8s-plus line', () => {
  test.each([
    ['cdk8s-plus-27', (chart: any, id: string, ports: any) => new kplus27.Service(chart, id, { ports })],
    ['cdk8s-plus-34 (newest line)', (chart: any, id: string, ports: any) => new kplus34.Service(chart, id, { ports })],
  ])('%s: name, namespace and a checked port', (_line, service) => {
    // GIVEN
    const chart = newChart('shop');
    const svc = service(chart, 'api', [{ port: 8080, name: 'http' }, { port: 9090 }]);
    const edge = new ApiGateway(chart, 'edge', { controller: Controller.ingressNginx() });

    // WHEN
    edge.addRoute('api', { hosts: ['api.example.com'], backend: Backend.fromService(svc, { port: 8080 }) });

    // THEN
    const ingress = Testing.synth(chart).find(o => o.kind === 'Ingress');
    expect(ingress.spec.rules[0].http.paths[0].backend.service).toEqual({ name: svc.name, port: { number: 8080 } });
    expect(Backend.fromService(svc, { port: 9090 }).namespace).toBe('shop');
    expect(() => Backend.fromService(svc, { port: 8081 })).toThrow(`port 8081 is not a port of Service '${svc.name}' (its ports: 8080, 9090)`);
  });

  test('any object with the IServiceRef shape; metadata is optional', () => {
    const b = Backend.fromService({ name: 'api', ports: [{ port: 80 }] });
    expect([b.serviceName, b.port, b.namespace]).toEqual(['api', 80, undefined]);
    expect(Backend.fromService({ name: 'api', ports: [{ port: 80 }], metadata: { namespace: 'apps' } }).namespace).toBe('apps');
  });

  test.each([
    [undefined, /service must be a Service \(any cdk8s-plus line, or an IServiceRef\), got undefined/],
    [{ name: 'api' }, /service must be a Service .*got/],
    [{ name: 'api', ports: [null] }, /Backend.fromService\('api'\).ports\[0\]: is null; the array must hold Service ports \(\{ port, name \}\) only/],
    [{ name: 'api', ports: [{ port: 80 }], metadata: { namespace: 7 } }, /metadata.namespace must be a string, got 7/],
  ])('bad input from an untyped caller %#', (service, message) => {
    expect(() => Backend.fromService(service as any)).toThrow(message);
  });

  test('compile-time: Services of cdk8s-plus-27 and of the newest line type-check as IServiceRef', () => {
    const file = path.join(__dirname, 'any-cdk8s-plus-line.ts');
    const configPath = path.join(__dirname, '..', 'tsconfig.json');
    const config = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, path.dirname(configPath));
    const program = ts.createProgram([file], { ...config.options, noEmit: true, isolatedModules: false });
    const diagnostics = ts.getPreEmitDiagnostics(program)
      .map(d => `${d.file ? path.relative(process.cwd(), d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(diagnostics).toEqual([]);
  });
});
