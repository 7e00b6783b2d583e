import { Chart, Testing } from 'cdk8s';
import { ApiGateway, Backend, PathMatch } from '../src';
import { ControllerName } from '../src/capabilities/features';
import { CONTROLLERS, synthError } from './util';

/*
 * Output the cluster would reject is a synth error: values a controller's admission refuses in
 * its default configuration.
 */

const ALL = Object.keys(CONTROLLERS) as ControllerName[];

describe('ingress-nginx Ingress inspector deny-list (paths)', () => {
  test.each<[string, PathMatch, string, string]>([
    ['/etc/nginx', PathMatch.prefix('/etc/nginx/conf'), 'Prefix path match (match.path)', "'/etc/passwd', '/etc/shadow', '/etc/group', '/etc/nginx' or '/etc/ingress-controller'"],
    ['/var/run/secrets', PathMatch.exact('/var/run/secrets/token'), 'Exact path match (match.path)', "'/var/run/secrets'"],
    ['_by_lua', PathMatch.regex('/content_by_lua/[0-9]+'), 'Regular-expression path match (match.path)', "'_by_lua'"],
    ['root ...;', PathMatch.prefix('/root;v=1'), 'Prefix path match (match.path)', "a 'root ...;' directive"],
  ])('%s: refused on ingress-nginx naming the rule; accepted elsewhere', (_name, path, feature, denied) => {
    for (const c of ALL) {
      const chart = new Chart(Testing.app(), 'shop');
      const gw = new ApiGateway(chart, 'edge', { controller: CONTROLLERS[c]() });
      gw.addRoute('files', { hosts: ['files.shop.dev'], match: { path }, backend: Backend.service('files', 80) });
      const error = synthError(chart);
      if (c === 'ingress-nginx') {
        expect(error).toContain(`[shop/edge/files] ${feature} is not supported by controller 'ingress-nginx': its Ingress inspector refuses every Ingress whose paths contain ${denied} `
          + '(a guard against configuration injection), so \'');
      } else {
        expect(error ?? '').not.toContain('inspector');
      }
    }
  });
});
