import { Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { controllerExpr } from './codegen';
import { Expr } from './expr';
import { ImportPlan } from './plan';
import { ControllerName } from '../capabilities/features';
import { AcmeServer, AcmeSolver, Dns01Provider, TsigAlgorithm } from '../cert-manager/acme';
import { Certificate, PrivateKeyAlgorithm } from '../cert-manager/certificate';
import { ClusterIssuer, Issuer, IssuerType } from '../cert-manager/issuer';
import { ApiGateway } from '../intent/api-gateway';
import { Backend, BackendTls } from '../intent/backend';
import { CaCertificates } from '../intent/ca';
import { CanaryTraffic } from '../intent/canary';
import { ClientIp } from '../intent/client-ip';
import { Controller, KongMode, TraefikOutput } from '../intent/controller';
import { HttpListeners } from '../intent/http-listeners';
import { HeaderMatch, HttpMethod, PathMatch, QueryParamMatch } from '../intent/match';
import { TrafficMirror } from '../intent/mirror';
import { BackendProtocol } from '../intent/policies/backend-protocol';
import { BodySize } from '../intent/policies/body-size';
import { ConcurrencyLimit } from '../intent/policies/concurrency-limit';
import { Cors } from '../intent/policies/cors';
import { DirectResponse } from '../intent/policies/direct-response';
import { EdgeAuth } from '../intent/policies/edge-auth';
import { HeaderRules } from '../intent/policies/header-rules';
import { IpAccess } from '../intent/policies/ip-access';
import { DistributedRateLimit, RateLimit, RateLimitPeriod } from '../intent/policies/rate-limit';
import { Redirect, RedirectStatus } from '../intent/policies/redirect';
import { Retries, RetryOn } from '../intent/policies/retries';
import { Rewrite } from '../intent/policies/rewrite';
import { SameSite, SessionAffinity } from '../intent/policies/session-affinity';
import { Timeouts } from '../intent/policies/timeouts';
import { RouteProtocols } from '../intent/route-protocols';
import { TlsCertificate } from '../intent/tls-host';
import { ClientAuth, Hsts, TlsCipherSuite, TlsMode, TlsVersion } from '../intent/tls-options';

/**
 * Builds an import plan directly against a scope: the same constructs, with the same arguments,
 * as the generated `main.ts` creates (both come from the plan), without compiling any code.
 */

/** Classes whose static factories a plan calls, by the name the generated code uses. */
const FACTORIES: { readonly [name: string]: any } = {
  AcmeServer,
  AcmeSolver,
  Backend,
  BackendTls,
  BodySize,
  CaCertificates,
  CanaryTraffic,
  ClientAuth,
  ClusterIssuer,
  Controller,
  Cors,
  DirectResponse,
  Dns01Provider,
  DistributedRateLimit,
  ConcurrencyLimit,
  Duration,
  EdgeAuth,
  HeaderMatch,
  HeaderRules,
  Hsts,
  IpAccess,
  Issuer,
  IssuerType,
  PathMatch,
  QueryParamMatch,
  RateLimit,
  Redirect,
  Retries,
  Rewrite,
  SessionAffinity,
  Timeouts,
  TlsCertificate,
  TlsMode,
  TrafficMirror,
  ClientIp,
};

const ENUMS: { readonly [name: string]: any } = {
  BackendProtocol,
  HttpMethod,
  KongMode,
  PrivateKeyAlgorithm,
  RateLimitPeriod,
  RedirectStatus,
  RetryOn,
  SameSite,
  TraefikOutput,
  TlsVersion,
  TsigAlgorithm,
  TlsCipherSuite,
  RouteProtocols,
  HttpListeners,
};

const CONSTRUCTS: { readonly [name: string]: new (scope: Construct, id: string, props: any) => Construct } = {
  ApiGateway, ClusterIssuer, Issuer, Certificate,
};

/** What building a plan produced. */
export interface BuildResult {
  /** The constructs (and shared values) created, by plan variable. */
  readonly constructs: ReadonlyMap<string, unknown>;
  /**
   * Errors thrown while creating constructs (a value the target controller refuses at once),
   * as `[path] message`; the other statements are still built. Validation errors surface at synth.
   */
  readonly errors: readonly string[];
}

/** Creates the plan's constructs in `scope` for `controller`. */
export function buildApp(scope: Construct, plan: ImportPlan, controller: ControllerName): BuildResult {
  const vars = new Map<string, unknown>();
  const errors: string[] = [];
  const controllerValue = () => evaluate(controllerExpr(controller), vars, undefined);
  for (const s of plan.statements) {
    try {
      let created: unknown;
      if (s.value) {
        created = evaluate(s.props, vars, undefined);
      } else if (s.construct) {
        created = new CONSTRUCTS[s.construct](scope, s.id, evaluate(s.props, vars, controllerValue));
      } else {
        const target = vars.get(s.on!) as any;
        if (!target) {
          errors.push(`[${scope.node.path}/${s.id}] not built: '${s.on}' could not be created`);
          continue;
        }
        created = target[s.method!](s.id, evaluate(s.props, vars, controllerValue));
      }
      if (s.variable) vars.set(s.variable, created);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      errors.push(message.startsWith('[') ? message : `[${scope.node.path ? `${scope.node.path}/` : ''}${s.on ? `${s.on}/` : ''}${s.id}] ${message}`);
    }
  }
  return { constructs: vars, errors };
}

function evaluate(e: Expr, vars: ReadonlyMap<string, unknown>, controller: (() => unknown) | undefined): any {
  switch (e.kind) {
    case 'literal': return e.value;
    case 'call': {
      const [cls, method] = e.callee.split('.');
      const factory = FACTORIES[cls]?.[method];
      if (typeof factory !== 'function') throw new Error(`import plan: unknown factory ${e.callee}`);
      return factory.apply(FACTORIES[cls], e.args.map(a => evaluate(a, vars, controller)));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of e.props) {
        if (k === '...') Object.assign(out, evaluate(v, vars, controller));
        else out[k] = evaluate(v, vars, controller);
      }
      return out;
    }
    case 'array': return e.items.map(i => evaluate(i, vars, controller));
    case 'enum': {
      const value = ENUMS[e.type]?.[e.member];
      if (value === undefined) throw new Error(`import plan: unknown enum member ${e.type}.${e.member}`);
      return value;
    }
    case 'ref': {
      const v = vars.get(e.name);
      if (!v) throw new Error(`not built: '${e.name}' could not be created`);
      return v;
    }
    case 'controller':
      if (!controller) throw new Error('import plan: the controller is only known in a construct statement');
      return controller();
  }
}
