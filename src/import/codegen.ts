import { call, enumOf, Expr, lit, namesUsed, obj } from './expr';
import { ImportPlan, IMPORT_COMMENT, PlanStatement } from './plan';
import { ControllerName } from '../capabilities/features';

/**
 * Prints an import plan as a cdk8s app in TypeScript: one statement per construct, public API
 * only, formatted (2-space indent, lines broken at 120 columns), deterministic.
 */

/** Options for `generateCode`. */
export interface CodegenOptions {
  /** The controller the app targets. */
  readonly controller: ControllerName;
  /** Module the constructs are imported from. Default: 'cdk8s-gateway'. */
  readonly importFrom?: string;
  /** Lines of the header comment (what was imported). */
  readonly header?: readonly string[];
}

const MAX = 120;
const CDK8S = new Set(['Duration']);

/** The expression of `Controller.<factory>(...)` for a capability column. */
export function controllerExpr(name: ControllerName): Expr {
  switch (name) {
    case 'ingress-nginx': return call('Controller.ingressNginx');
    case 'traefik': return call('Controller.traefik');
    case 'traefik-ingress': return call('Controller.traefik', obj([['output', enumOf('TraefikOutput', 'INGRESS')]]));
    case 'kong': return call('Controller.kong');
    case 'kong-gateway-api': return call('Controller.kong', obj([['mode', enumOf('KongMode', 'GATEWAY_API')]]));
    case 'gateway-api': return call('Controller.gatewayApi', obj([['gatewayClassName', lit(GATEWAY_CLASS_PLACEHOLDER)]]));
    case 'envoy-gateway': return call('Controller.envoyGateway');
    case 'istio': return call('Controller.istio');
  }
}

/** The GatewayClass written for the portable Gateway API column (the cluster's own class must replace it). */
export const GATEWAY_CLASS_PLACEHOLDER = 'my-gateway-class';

export function generateCode(plan: ImportPlan, options: CodegenOptions): string {
  const from = options.importFrom ?? 'cdk8s-gateway';
  const controller = controllerExpr(options.controller);
  const names = new Set<string>();
  for (const s of plan.statements) {
    if (s.construct) names.add(s.construct);
    if (s.value) names.add(s.value.type);
    namesUsed(s.props, names);
  }
  if (plan.statements.some(s => s.construct === 'ApiGateway')) namesUsed(controller, names);
  const ours = [...names].filter(n => !CDK8S.has(n)).sort();
  const cdk8s = ['App', 'Chart', ...[...names].filter(n => CDK8S.has(n))].sort();

  const out: string[] = [];
  for (const h of options.header ?? []) out.push(`// ${h}`);
  out.push(`import { ${cdk8s.join(', ')} } from 'cdk8s';`);
  out.push(...wrapImport(ours, from));
  out.push('');
  out.push('const app = new App();');
  out.push("const chart = new Chart(app, 'imported');");
  let previousOn: string | undefined = '';
  for (const s of plan.statements) {
    const group = s.on ?? s.variable;
    if (group !== previousOn || s.construct) out.push('');
    previousOn = group;
    for (const c of s.comments) out.push(...commentLines(c));
    out.push(statement(s, controller));
  }
  if (options.controller === 'gateway-api' && plan.statements.some(s => s.construct === 'ApiGateway')) {
    out.push('', `// ${IMPORT_COMMENT} '${GATEWAY_CLASS_PLACEHOLDER}' stands for your cluster's GatewayClass: replace it.`);
  }
  out.push('', 'app.synth();', '');
  return out.join('\n');
}

function wrapImport(names: readonly string[], from: string): string[] {
  const line = `import { ${names.join(', ')} } from '${from}';`;
  if (line.length <= MAX) return [line];
  return ['import {', ...names.map(n => `  ${n},`), `} from '${from}';`];
}

function commentLines(text: string): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '//';
  for (const w of words) {
    if (line.length + 1 + w.length > MAX && line !== '//') {
      lines.push(line);
      line = '//  ';
    }
    line += ` ${w}`;
  }
  lines.push(line);
  return lines;
}

function statement(s: PlanStatement, controller: Expr): string {
  if (s.value) {
    const decl = `const ${s.variable}: ${s.value.type} = `;
    return `${decl}${fmt(s.props, 0, decl.length, controller)};`;
  }
  const head = s.construct
    ? `${s.variable ? `const ${s.variable} = ` : ''}new ${s.construct}(chart, ${str(s.id)}, `
    : `${s.variable ? `const ${s.variable} = ` : ''}${s.on}.${s.method}(${str(s.id)}, `;
  return `${head}${fmt(s.props, 0, head.length, controller)});`;
}

/** A string literal in single quotes. */
export function str(s: string): string {
  if (/^[\w .,:/*@=+-]*$/.test(s)) return `'${s}'`;
  return `'${JSON.stringify(s).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

function entry(k: string, v: string): string {
  return k === '...' ? `...${v}` : `${key(k)}: ${v}`;
}

function key(k: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : str(k);
}

/** One-line forms, per controller expression (memoized: `fmt` asks again at every level). */
const FLAT = new WeakMap<Expr, WeakMap<Expr, string>>();

/** One-line form of an expression. */
function flat(e: Expr, controller: Expr): string {
  let cache = FLAT.get(controller);
  if (!cache) {
    cache = new WeakMap();
    FLAT.set(controller, cache);
  }
  let text = cache.get(e);
  if (text === undefined) {
    text = flatUncached(e, controller);
    cache.set(e, text);
  }
  return text;
}

function flatUncached(e: Expr, controller: Expr): string {
  switch (e.kind) {
    case 'literal': return typeof e.value === 'string' ? str(e.value) : String(e.value);
    case 'call': return `${e.callee}(${e.args.map(a => flat(a, controller)).join(', ')})`;
    case 'object': return e.props.length === 0 ? '{}' : `{ ${e.props.map(([k, v]) => entry(k, flat(v, controller))).join(', ')} }`;
    case 'array': return `[${e.items.map(i => flat(i, controller)).join(', ')}]`;
    case 'enum': return `${e.type}.${e.member}`;
    case 'ref': return e.name;
    case 'controller': return flat(controller, controller);
  }
}

/**
 * The expression at `indent` (of its line), starting at column `col`: on one line when it fits,
 * else objects and arrays one entry per line, calls hugging a last object argument.
 */
function fmt(e: Expr, indent: number, col: number, controller: Expr): string {
  const one = flat(e, controller);
  if (col + one.length <= MAX - 2) return one;
  const pad = ' '.repeat(indent + 2);
  const close = ' '.repeat(indent);
  switch (e.kind) {
    case 'object':
      return `{\n${e.props.map(([k, v]) => `${pad}${entry(k, fmt(v, indent + 2, indent + 2 + key(k).length + 2, controller))},\n`).join('')}${close}}`;
    case 'array':
      return `[\n${e.items.map(i => `${pad}${fmt(i, indent + 2, indent + 2, controller)},\n`).join('')}${close}]`;
    case 'call': {
      const last = e.args[e.args.length - 1];
      const leading = e.args.slice(0, -1).map(a => flat(a, controller));
      const prefix = `${e.callee}(${leading.map(l => `${l}, `).join('')}`;
      if (last && (last.kind === 'object' || last.kind === 'array') && col + prefix.length < MAX - 10) {
        return `${prefix}${fmt(last, indent, col + prefix.length, controller)})`;
      }
      return `${e.callee}(\n${e.args.map(a => `${pad}${fmt(a, indent + 2, indent + 2, controller)},\n`).join('')}${close})`;
    }
    case 'controller':
      return fmt(controller, indent, col, controller);
    default:
      return one;
  }
}
