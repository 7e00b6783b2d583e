/**
 * Addressing one field of a synthesized manifest: `<Kind>/<metadata.name>` and a path such as
 * `spec.rules[0].matches[0].headers[0].value` or `metadata.annotations['konghq.com/plugins']`.
 */
export type Id = string;

const STEP = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^']*)'\]/y;

/** The steps of a path (`a.b[0]['c.d']` -> ['a', 'b', 0, 'c.d']). */
export function parsePath(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  const text = path.startsWith('[') ? path : `.${path}`;
  STEP.lastIndex = 0;
  while (STEP.lastIndex < text.length) {
    const at = STEP.lastIndex;
    const m = STEP.exec(text);
    if (!m) throw new Error(`bad path '${path}' at ${at}`);
    out.push(m[2] !== undefined ? Number(m[2]) : m[1] ?? m[3]);
  }
  return out;
}

/** The path of a list of steps, the inverse of parsePath. */
export function formatPath(steps: ReadonlyArray<string | number>): string {
  return steps.map((s, i) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$-]*$/.test(s) ? `${i === 0 ? '' : '.'}${s}` : `['${s}']`)).join('');
}

export function idOf(o: any): Id {
  return `${o?.kind}/${o?.metadata?.name}`;
}

/** The value at `path` in the object `id`, or undefined when the object or the field is absent. */
export function valueAt(objects: readonly any[], id: Id, path: string): unknown {
  let v: any = objects.find(o => idOf(o) === id);
  for (const step of parsePath(path)) {
    if (v === undefined || v === null) return undefined;
    v = v[step];
  }
  return v;
}

/** Every scalar leaf of the objects, as `id` -> path -> value. */
export function leaves(objects: readonly any[]): Map<Id, Map<string, unknown>> {
  const out = new Map<Id, Map<string, unknown>>();
  for (const o of objects) {
    const m = new Map<string, unknown>();
    const walk = (v: any, steps: Array<string | number>) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...steps, i]));
      else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...steps, k]);
      else m.set(formatPath(steps), v);
    };
    walk(o, []);
    out.set(idOf(o), m);
  }
  return out;
}
