import { ApiObject } from 'cdk8s';
import { internalError } from '../../core/errors';
import { RouteIR } from '../../ir/model';

/**
 * Routes sharing objects: a renderer's grouping step. Routes of one gateway with the same key
 * (what the objects hold for all of them: namespace, hosts, per-object settings) share the
 * objects the first of them allocated, in declaration order, until the group's capacity (a CRD
 * or size limit, counted in `cost` units per route) is reached; the next route then opens a new
 * group. So a group's objects keep the name of the route that opened it, adding a route changes
 * one object, and the set of objects is fixed when the routes are declared (allocate eagerly,
 * fill lazily: content producers read `members` at synth).
 *
 * A route without a key (the gateway's `objectPerRoute`, or settings that are per object and
 * cannot be shared, e.g. policy objects targeting the route's object by name) gets objects of
 * its own, exactly as in the one-object-per-route mode.
 */
export class RouteGroups {
  private readonly open = new Map<string, { readonly members: RouteIR[]; used: number; readonly objects: ApiObject[] }>();

  constructor(private readonly capacity: number) {}

  /**
   * The objects serving `route`: those of the open group of `key` when `cost` still fits,
   * else new ones from `create`, whose producers read `members` (the routes of the group, the
   * first being `route`; more join later).
   */
  public place(route: RouteIR, key: string | undefined, cost: number, create: (members: readonly RouteIR[]) => ApiObject[]): ApiObject[] {
    if (key !== undefined) {
      const group = this.open.get(key);
      if (group && group.used + cost <= this.capacity) {
        group.members.push(route);
        group.used += cost;
        return group.objects;
      }
    }
    const members = [route];
    const objects = create(members);
    if (key !== undefined) this.open.set(key, { members, used: cost, objects });
    return objects;
  }
}

/**
 * The one value every member of a group renders for a per-object setting (e.g. an Ingress's
 * annotations). Group keys are built so that they agree; a disagreement is a bug in a key
 * function, never something to resolve silently.
 */
export function sharedValue<T>(members: readonly RouteIR[], what: string, render: (route: RouteIR, index: number) => T): T {
  const first = render(members[0], 0);
  if (members.length === 1) return first;
  const json = JSON.stringify(first);
  for (let i = 1; i < members.length; i++) {
    if (JSON.stringify(render(members[i], i)) !== json) {
      internalError(`routes [${members[0].source}] and [${members[i].source}] share an object but render different ${what}`);
    }
  }
  return first;
}
