// Type-checked by cdk8s-plus-lines.test.ts (not run): what a TypeScript user writes with a Service of
// the frozen cdk8s-plus-27 line and of the newest line. It must compile as it is.
import { App, Chart } from 'cdk8s';
import * as kplus27 from 'cdk8s-plus-27';
import * as kplus34 from 'cdk8s-plus-34';
import { ApiGateway, Backend, Controller } from '../../src';

const chart = new Chart(new App(), 'shop', { namespace: 'shop' });
const edge = new ApiGateway(chart, 'edge', { controller: Controller.ingressNginx() });
const old = new kplus27.Service(chart, 'old', { ports: [{ port: 8080 }] });
const newest = new kplus34.Service(chart, 'newest', { ports: [{ port: 80, name: 'http' }, { port: 9090 }] });
edge.addRoute('old', { hosts: ['old.example.com'], backend: Backend.fromService(old) });
edge.addRoute('newest', { hosts: ['new.example.com'], backend: Backend.fromService(newest, { port: 80 }) });

// @ts-expect-error a Service needs ports
Backend.fromService({ name: 'no-ports' });
