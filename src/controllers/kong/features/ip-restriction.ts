import { nonEmpty, PluginSpec } from './plugin';
import { IpAccessIR } from '../../../ir/policies';
import { PLUGINS } from '../constants';

/** `ip-restriction`: Kong refuses an address in `deny`, then any address not in `allow` (403). */
export function ipRestrictionPlugin(ip: IpAccessIR): PluginSpec {
  return {
    plugin: PLUGINS.ipRestriction,
    config: () => ({ allow: nonEmpty(ip.allow), deny: nonEmpty(ip.deny) }),
  };
}
