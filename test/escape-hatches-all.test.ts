import { ApiObject, JsonPatch, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { ApiGateway, CanarySplit, Route, TlsHost } from '../src';
import { build, caseArb } from './property/intent';
import { CONTROLLER_NAMES } from '../src/capabilities/features';

/*
 * Escape hatches on every kind of construct: every object a synth emits is exposed by the
 * construct that created it (`apiObjects` of the ApiGateway, a Route, a TlsHost or a
 * CanarySplit), and a JSON patch on any of them survives synth. Checked over random valid
 * intents (the property-test generator) on every controller.
 */

const id = (o: { apiVersion?: string; kind: string; metadata: { namespace?: string; name?: string } }) =>
  `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;

describe.each(CONTROLLER_NAMES)('escape hatches on %s', (controller) => {
  test('every emitted object is some construct\'s apiObjects entry, and addJsonPatch on each survives synth', () => {
    let checked = 0;
    for (const spec of fc.sample(caseArb(controller), { numRuns: 60, seed: 4242 })) {
      const { chart, gateway } = build(controller, spec);
      const owners: Array<[string, readonly ApiObject[]]> = [[gateway.node.path, gateway.apiObjects]];
      for (const c of chart.node.findAll()) {
        if (c instanceof Route || c instanceof TlsHost || c instanceof CanarySplit) owners.push([c.node.path, c.apiObjects]);
        if (c instanceof ApiGateway && c !== gateway) throw new Error('one gateway per case');
      }
      for (const [owner, objects] of owners) {
        for (const o of objects) o.addJsonPatch(JsonPatch.add('/metadata/labels', { 'patched-by': owner.replace(/\//g, '.') }));
      }
      let emitted: any[];
      try {
        emitted = Testing.synth(chart);
      } catch {
        continue; // refused intents have nothing to patch
      }
      checked++;
      const exposed = new Map(owners.flatMap(([owner, objects]) =>
        objects.map(o => [id({ kind: o.kind, metadata: { namespace: o.metadata.namespace, name: o.name } }), owner] as const)));
      for (const o of emitted) {
        const owner = exposed.get(id(o));
        expect({ object: id(o), exposedBy: owner }).toEqual({ object: id(o), exposedBy: expect.any(String) });
        expect({ object: id(o), label: o.metadata.labels?.['patched-by'] }).toEqual({ object: id(o), label: owner!.replace(/\//g, '.') });
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
