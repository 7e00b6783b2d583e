import { Yaml } from 'cdk8s';
import { deadObjects } from './attached';
import { intentProblems } from './expected';
import { build, CaseSpec } from './intent';
import { misplacedSettings } from './placed';
import { roundTripProblems } from './roundtrip';
import { ApiGateway } from '../../src';
import { unsupportedMessage } from '../../src/capabilities/check';
import { ControllerName, FEATURE_KINDS, FEATURES, FeatureKind } from '../../src/capabilities/features';
import { CAPABILITIES } from '../../src/capabilities/matrix';
import { isSupported } from '../../src/capabilities/support';
import { rawAnnotationsUnsupported } from '../../src/controllers/raw-annotations';
import { checkManifests, formatIssues } from '../conformance';
import { isDNS1123Subdomain } from '../conformance/names';
import { predictedErrors } from '../controllers/harness';

/** What one synth of a case produced. */
export type Outcome =
  | { readonly ok: true; readonly objects: any[]; readonly yaml: string }
  | { readonly ok: false; readonly error: string };

const HEADER = 'Validation failed with the following errors:\n';
const BY_TITLE = new Map<string, FeatureKind>(FEATURE_KINDS.map(f => [FEATURES[f].title, f]));
/** `<title> (<prop>) is not supported by controller '<name>': <reason>. Supported by: <list>.` */
const STANDARD = /^(.+) \(([^()]+)\) is not supported by controller '([^']+)': (.+)\. Supported by: ([^]+)\.$/;
/** `<Construct>.<prop>: <problem>` or `<Construct>: <problem>` (value and whole-gateway errors). */
const FIELD = /^(ApiGateway|Route|TlsHost|CanarySplit)(\.[A-Za-z][A-Za-z0-9]*(\[\d+\])?(\.[A-Za-z][A-Za-z0-9]*(\[\d+\])?)*)?: \S/;

/** Counters for the report (per test file). */
export const STATS = {
  cases: 0, synthesized: 0, refused: 0, refusedUnsupported: 0, refusedOther: 0, objects: 0, ungrouped: 0, ungroupedSynthesized: 0,
};
/** Refusal reasons seen, for tuning the generator (printed with FUZZ_STATS=1). */
export const REASONS = new Map<string, number>();

export function synth(controller: ControllerName, spec: CaseSpec): { outcome: Outcome; gateway: ApiGateway; predicted: string[] } {
  const { app, chart, gateway } = build(controller, spec);
  const predicted = predictedErrors(chart, controller, spec.experimental);
  if (spec.defaultBackend) {
    // predictedErrors() covers routes, TLS hosts and canaries; the gateway's default backend too:
    const ns = spec.defaultBackend.namespace;
    const used: Array<[FeatureKind, string]> = [['defaultBackend', 'defaultBackend']];
    if (ns !== undefined && ns !== gateway.namespace) used.push(['crossNamespaceBackend', 'defaultBackend']);
    if (spec.defaultBackend.tls) {
      used.push(['backendTls', 'defaultBackend.tls']);
      const t = spec.defaultBackend.tls;
      if (t.unverified) used.push(['backendTlsInsecure', 'defaultBackend.tls'], ...(t.unverified === 'sni' ? [['backendTlsInsecureServerName', 'defaultBackend.tls'] as [FeatureKind, string]] : []));
      else if (!t.ca) used.push(['backendTlsSystemCa', 'defaultBackend.tls']);
      if (t.clientCert) used.push(['backendTlsClientCertificate', 'defaultBackend.tls']);
    }
    for (const [f, prop] of used) {
      if (!isSupported(CAPABILITIES[controller][f], spec.experimental)) predicted.push(`[${gateway.node.path}] ${unsupportedMessage(controller, f, prop)}`);
    }
  }
  // Strict SNI, a gateway setting (issue #17).
  if (spec.strictSni && !isSupported(CAPABILITIES[controller].strictSni, spec.experimental)) {
    predicted.push(`[${gateway.node.path}] ${unsupportedMessage(controller, 'strictSni', 'strictSni')}`);
  }
  // The rawAnnotations escape hatch is not a matrix feature: its refusal is predicted here.
  const rawRefusal = rawAnnotationsUnsupported(controller);
  if (rawRefusal) spec.routes.forEach((r, i) => { if (r.raw) predicted.push(`[${gateway.node.path}/r${i}] ${rawRefusal}`); });
  let outcome: Outcome;
  try {
    const objects = app.charts[0].toJson();
    outcome = { ok: true, objects, yaml: Yaml.stringify(...objects) };
  } catch (e) {
    outcome = { ok: false, error: e instanceof Error ? `${e.constructor.name === 'Error' ? '' : `${e.constructor.name}: `}${e.message}` : String(e) };
  }
  return { outcome, gateway, predicted: [...new Set(predicted)] };
}

/**
 * The properties of one random valid case on one controller. Throws an Error describing every
 * violation (fast-check then shrinks the case and prints it with the seed).
 */
export function checkCase(controller: ControllerName, spec: CaseSpec): void {
  STATS.cases++;
  const first = synth(controller, spec);
  const second = synth(controller, spec);
  const problems: string[] = [];
  const { outcome, predicted, gateway } = first;

  // Deterministic: the same program gives the same YAML, or the same error.
  const text = (o: Outcome) => (o.ok ? o.yaml : o.error);
  if (text(outcome) !== text(second.outcome)) problems.push('two synths of the same program differ');

  if (outcome.ok) {
    STATS.synthesized++;
    STATS.objects += outcome.objects.length;
    if (predicted.length > 0) problems.push(`synth succeeded although the capability matrix refuses:\n  ${predicted.join('\n  ')}`);
    const issues = checkManifests(outcome.objects, { gatewayApiChannel: spec.experimental ? 'experimental' : 'standard' });
    if (issues.length > 0) problems.push(`objects do not conform:\n${formatIssues(issues)}`);
    const ids = new Set<string>();
    for (const o of outcome.objects) {
      const name = o?.metadata?.name;
      if (typeof name !== 'string' || isDNS1123Subdomain(name).length > 0) problems.push(`${o?.kind} has an invalid name ${JSON.stringify(name)}`);
      const id = `${String(o.apiVersion).split('/').slice(0, -1).join('/')}/${o.kind}/${o.metadata?.namespace ?? ''}/${name}`;
      if (ids.has(id)) problems.push(`two objects are both ${id}: one would replace the other`);
      ids.add(id);
    }
    problems.push(...intentProblems(spec, gateway));
    problems.push(...deadObjects(outcome.objects));
    problems.push(...misplacedSettings(controller, spec, outcome.objects));
    problems.push(...roundTripProblems(controller, gateway, outcome.objects));
  } else {
    STATS.refused++;
    problems.push(...errorProblems(controller, outcome.error, predicted, gateway));
  }
  problems.push(...groupingProblems(controller, spec, first));
  if (problems.length > 0) {
    throw new Error(`${controller}${spec.experimental ? ' (experimental channel)' : ''}:\n- ${problems.join('\n- ')}\n${outcome.ok ? '' : `synth error:\n${outcome.error}`}`);
  }
}

/**
 * Output grouping changes the objects, never the meaning: one case in three with several routes
 * is synthesized again with `objectPerRoute: true`; both must succeed or fail alike (the same
 * error lines) and, read back, give the same route table (each is also checked against the
 * intent above). Grouping is the default, so the opposite form is the one-object-per-route one.
 */
function groupingProblems(controller: ControllerName, spec: CaseSpec, grouped: ReturnType<typeof synth>): string[] {
  if (spec.routes.length < 2 || STATS.cases % 3 !== 0) return [];
  STATS.ungrouped++;
  const single = synth(controller, { ...spec, objectPerRoute: true });
  const a = grouped.outcome;
  const b = single.outcome;
  if (!a.ok || !b.ok) {
    const lines = (o: Outcome) => (o.ok ? ['(synthesized)'] : o.error.split('\n').sort());
    return JSON.stringify(lines(a)) === JSON.stringify(lines(b)) ? []
      : [`grouped and objectPerRoute outputs differ in outcome:\n  grouped: ${lines(a).join('\n    ')}\n  objectPerRoute: ${lines(b).join('\n    ')}`];
  }
  STATS.ungroupedSynthesized++;
  return roundTripProblems(controller, single.gateway, b.objects).map(p => `objectPerRoute: ${p}`);
}

/** A synth failure must be a cdk8s validation error made only of our messages, matching the matrix. */
function errorProblems(controller: ControllerName, error: string, predicted: string[], gateway: ApiGateway): string[] {
  if (!error.startsWith(HEADER)) return [`synth threw something other than a validation error: ${error.split('\n')[0]}`];
  const problems: string[] = [];
  const lines = error.slice(HEADER.length).split('\n');
  const messages: string[] = [];
  let unsupported = false;
  for (const line of lines) {
    const m = /^ {2}\[([^\]]+)\] (.*)$/.exec(line);
    if (!m) { problems.push(`error line is not '  [<construct path>] <message>': ${JSON.stringify(line)}`); continue; }
    const [, path, message] = m;
    if (!path.startsWith(gateway.node.path)) problems.push(`error names a construct outside the gateway: [${path}]`);
    messages.push(`[${path}] ${message}`);
    if (process.env.FUZZ_STATS) { const k = message.replace(/'[^']*'/g, "'…'").slice(0, 160); REASONS.set(k, (REASONS.get(k) ?? 0) + 1); }
    if (/internal error/i.test(message)) { problems.push(`internal error: ${line}`); continue; }
    const s = STANDARD.exec(message);
    if (s) {
      unsupported = true;
      const [, title, prop, name] = s;
      if (title === 'Raw annotations') {
        if (!predicted.includes(`[${path}] ${message}`)) problems.push(`unpredicted rawAnnotations refusal: ${line}`);
        continue;
      }
      const feature = BY_TITLE.get(title);
      if (name !== controller) problems.push(`message names controller '${name}', not '${controller}': ${line}`);
      if (!feature) { problems.push(`unknown feature title '${title}': ${line}`); continue; }
      // A refusal with the matrix cell's own reason must be one the matrix predicts for this
      // construct. Other reasons are refusals in context (a value format, an interaction with
      // another construct) that the renderer states itself.
      if (message === unsupportedMessage(controller, feature, prop) && !predicted.includes(`[${path}] ${message}`)) {
        problems.push(`unsupported message the matrix does not predict: ${line}`);
      }
      continue;
    }
    if (!FIELD.test(message)) problems.push(`message is not '<Construct>.<prop>: <problem>' nor the standard unsupported format: ${line}`);
  }
  for (const p of predicted) if (!messages.includes(p)) problems.push(`predicted message missing: ${p}`);
  if (unsupported) STATS.refusedUnsupported++; else STATS.refusedOther++;
  return problems;
}
