import { Duration } from 'cdk8s';
import { Scenario } from './index';
import { primerPoliciesScenario } from '../../examples/primer-policies/intent';
import {
  ApiGateway, Backend, ClientIp, Cors, EdgeAuth, HeaderRules, IpAccess, PathMatch, RateLimit, RateLimitedRoute,
  RateLimitPeriod, Redirect, Retries, Rewrite, SessionAffinity, Timeouts,
} from '../../src';

/** Policy scenarios, rendered on every controller (or failing with the predicted messages). */
export const POLICY_SCENARIOS: Record<string, Scenario> = {
  // The primer's nginx annotation block, as typed policies (the example app's own intent).
  'primer-policies': (chart, controller) => {
    primerPoliciesScenario(chart, controller);
  },

  'gateway-defaults': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', {
      controller,
      defaults: { cors: Cors.allow({ origins: ['https://app.example.com'], credentials: true }), headerRules: HeaderRules.of({ response: { set: { 'x-frame-options': 'DENY' } } }) },
    });
    gw.addRoute('api', { hosts: ['api.example.com'], backend: Backend.service('api', 8080) });
    gw.addRoute('public', {
      hosts: ['public.example.com'],
      backend: Backend.service('public', 8080),
      cors: Cors.allow({ origins: ['*'], methods: ['GET'] }),
    });
  },

  'redirect-and-rewrite': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('moved', { hosts: ['old.example.com'], redirect: Redirect.to({ host: 'new.example.com' }) });
    gw.addRoute('api', { hosts: ['api.example.com'], match: { path: PathMatch.prefix('/api') }, rewrite: Rewrite.replacePrefix('/'), backend: Backend.service('api', 8080) });
  },

  'rate-limited-login': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    new RateLimitedRoute(gw, 'login', {
      gateway: gw,
      hosts: ['auth.example.com'],
      match: { path: PathMatch.exact('/login') },
      backend: Backend.service('auth', 8080),
      limit: RateLimit.perClientIp({ requests: 5, period: RateLimitPeriod.MINUTE }),
      ipAccess: IpAccess.deny(['203.0.113.0/24']),
    });
  },

  'resilience': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('cart', {
      hosts: ['shop.example.com'],
      match: { path: PathMatch.prefix('/cart') },
      backend: Backend.service('cart', 8080),
      retries: Retries.of({ attempts: 2, statusCodes: [503], nonIdempotent: true }),
      sessionAffinity: SessionAffinity.cookie({ name: 'cart', ttl: Duration.hours(1) }),
      timeouts: Timeouts.of({ request: Duration.seconds(30), backendRequest: Duration.seconds(10) }),
    });
  },

  'jwt-api': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller });
    gw.addRoute('api', {
      hosts: ['api.example.com'],
      backend: Backend.service('api', 8080),
      auth: EdgeAuth.jwt({ issuer: 'https://issuer.example.com', jwksUri: 'https://issuer.example.com/.well-known/jwks.json', audiences: ['api'], claimsToHeaders: [{ claim: 'sub', header: 'x-user-id' }] }),
    });
  },

  // Issue #17: behind one load balancer, limits and allow lists key on the client it saw.
  'client-ip-behind-lb': (chart, controller) => {
    const gw = new ApiGateway(chart, 'edge', { controller, clientIp: ClientIp.xForwardedFor({ trustedHops: 1 }) });
    gw.addRoute('api', {
      hosts: ['api.example.com'],
      backend: Backend.service('api', 8080),
      rateLimit: RateLimit.perClientIp({ requests: 20, period: RateLimitPeriod.MINUTE }),
      ipAccess: IpAccess.allow(['10.0.0.0/8', '203.0.113.0/24']),
    });
  },
};
