import { IConstruct } from 'constructs';

/**
 * App-wide facts that validations read many times per synth (the app's Services, the strict
 * flags' environment variables, each construct's results), computed once while nothing they
 * depend on can change.
 *
 * cdk8s validates the whole app at least twice per synth (`synthYaml`, then each chart's
 * `toJson`), each time visiting every construct in tree order, the root first. A validation on
 * the root (`trackPasses`) starts each pass: it recomputes the app's signature (the tree's shape,
 * the inputs registered with `addSignature`) and keeps the previous state, with everything
 * memoised on it, when the signature is unchanged and every environment variable the state read
 * (through `envOf`) still has the value it read. For
 * the rest of that synchronous job the state is live and read without re-checking; outside a live
 * pass (`Warnings.of()`, a construct validated on its own) every read re-checks the signature.
 */
export interface PassState {
  /** The environment variable `name` as of this state. */
  env(name: string): string | undefined;
  /** `compute()`'s result for `owner` and `key`, computed once per state. */
  memo<T>(owner: object, key: string, compute: () => T): T;
}

/** Inputs of the signature besides the tree's shape, per app (e.g. the gateways' versions). */
type SignaturePart = (root: IConstruct) => string;
const PARTS: SignaturePart[] = [];

interface Tracked {
  state: State;
  signature: string;
  live: boolean;
}
const TRACKED = new WeakMap<IConstruct, Tracked>();
/** The root of each construct (constructs never move). */
const ROOTS = new WeakMap<IConstruct, IConstruct>();

class State implements PassState {
  private readonly envs = new Map<string, string | undefined>();
  private readonly memos = new WeakMap<object, Map<string, unknown>>();

  public env(name: string): string | undefined {
    if (!this.envs.has(name)) this.envs.set(name, process.env[name]);
    return this.envs.get(name);
  }

  /**
   * Whether every environment variable this state read still has the value it read. A variable
   * first read during a pass does not change the state: what was memoised before did not read it.
   */
  public envUnchanged(): boolean {
    for (const [name, value] of this.envs) if (process.env[name] !== value) return false;
    return true;
  }

  public memo<T>(owner: object, key: string, compute: () => T): T {
    let memos = this.memos.get(owner);
    if (!memos) {
      memos = new Map();
      this.memos.set(owner, memos);
    }
    if (memos.has(key)) return memos.get(key) as T;
    const value = compute();
    memos.set(key, value);
    return value;
  }
}

/**
 * The root of `scope`'s construct tree, looked up once per construct. A construct whose parent's
 * root is known (a route of a gateway) takes it from there and adds no entry of its own: an
 * app's routes would otherwise each hold one, which the garbage collector walks every cycle.
 */
export function rootOf(scope: IConstruct): IConstruct {
  const known = ROOTS.get(scope);
  if (known) return known;
  const parent = scope.node.scope;
  const parentRoot = parent && ROOTS.get(parent);
  if (parentRoot) return parentRoot;
  const root = scope.node.root;
  ROOTS.set(scope, root);
  return root;
}

/** Adds an input of every app's signature (a function of the root; cheap: it runs once per pass). */
export function addSignature(part: SignaturePart): void {
  PARTS.push(part);
}

/**
 * The children of the root (charts) and of each chart: constructs the app adds next to existing
 * ones. Constructs added under a chart's existing children after a first validation are not
 * seen (validation normally runs once, on the finished app); our own constructs are covered by
 * the registered signature parts.
 */
function treeShape(root: IConstruct): string {
  const charts = root.node.children;
  return [charts.length, ...charts.map(c => c.node.children.length)].join(',');
}

function signatureOf(root: IConstruct): string {
  return [treeShape(root), ...PARTS.map(p => p(root))].join('\n');
}

function refresh(root: IConstruct, live: boolean): State {
  const signature = signatureOf(root);
  let tracked = TRACKED.get(root);
  if (!tracked) {
    tracked = { state: new State(), signature, live };
    TRACKED.set(root, tracked);
  } else if (tracked.signature !== signature || !tracked.state.envUnchanged()) {
    tracked.state = new State();
    tracked.signature = signature;
  }
  tracked.live = live;
  return tracked.state;
}

/** Marks the start of every cdk8s validation pass of `scope`'s app (idempotent). */
export function trackPasses(scope: IConstruct): void {
  const root = rootOf(scope);
  if (TRACKED.has(root)) return;
  refresh(root, false);
  root.node.addValidation({
    validate: () => {
      refresh(root, true);
      // The pass is synchronous: once it returns, the app may change again.
      queueMicrotask(() => {
        const tracked = TRACKED.get(root);
        if (tracked) tracked.live = false;
      });
      return [];
    },
  });
}

/** The current state of `scope`'s app (re-checked unless a validation pass is running). */
export function passOf(scope: IConstruct): PassState {
  const root = rootOf(scope);
  const tracked = TRACKED.get(root);
  if (tracked?.live) return tracked.state;
  return refresh(root, tracked?.live ?? false);
}

/** Forgets the live pass of `scope`'s app: the next read re-checks (e.g. `Warnings.of()`). */
export function endPass(scope: IConstruct): void {
  const tracked = TRACKED.get(rootOf(scope));
  if (tracked) tracked.live = false;
}

/**
 * The environment variable `name`, as the current state of `scope`'s app read it (once per live
 * pass; outside one, the state is re-checked first, so the value is the current one).
 */
export function envOf(scope: IConstruct, name: string): string | undefined {
  if (!TRACKED.has(rootOf(scope))) return process.env[name];
  return passOf(scope).env(name);
}
