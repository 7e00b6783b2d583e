import * as path from 'path';
import { main } from '../../src/cli';

// Runs test/report/check-app/main.ts (a primer plus a rate-limited route) once per controller,
// as `cdk8s-gateway check` does: through ts-node, with EDGE_CONTROLLER set.
test('cdk8s-gateway check prints what each controller refuses', () => {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(['check', '--controllers', 'ingress-nginx,gateway-api', 'main.ts'], {
    io: { stdout: l => out.push(l), stderr: l => err.push(l), cwd: path.join(__dirname, 'check-app') },
  });
  expect(err).toEqual([]);
  expect(out.join('\n')).toBe([
    '# Portability',
    '',
    '| Setting | ingress-nginx | gateway-api |',
    '|---|---|---|',
    '| (synth) | ok | 1 refused |',
    '| [primer/edge/limited] Rate limit per client IP (rateLimit) | ok | refused |',
    '',
    '## gateway-api',
    '',
    "- [primer/edge/limited] Rate limit per client IP (rateLimit) is not supported by controller 'gateway-api': Gateway API has no standard field for rate limits; "
      + 'choose an implementation such as Controller.envoyGateway(). Supported by: Controller.ingressNginx(), Controller.traefik(), Controller.traefik({ output: TraefikOutput.INGRESS }), '
      + 'Controller.kong(), Controller.kong({ mode: KongMode.GATEWAY_API }), Controller.envoyGateway().',
  ].join('\n'));
  expect(code).toBe(3);
}, 120_000);

test('check usage errors exit 2', () => {
  const err: string[] = [];
  const io = { stdout: () => undefined, stderr: (l: string) => err.push(l), cwd: __dirname };
  expect(main(['check', '--controllers', 'nginx', 'check-app/main.ts'], { io })).toBe(2);
  expect(err[0]).toContain("PortabilityCheck.ofApp: options.controllers: 'nginx' is not a controller");
  expect(main(['check'], { io })).toBe(2);
});
