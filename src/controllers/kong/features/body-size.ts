import { PluginSpec } from './plugin';
import { BodySizeIR } from '../../../ir/policies';
import { PLUGINS } from '../constants';

const KIB = 1024;
const MIB = 1024 * 1024;

/**
 * `request-size-limiting`: the largest unit that divides the limit exactly, so the limit is
 * never rounded (Kong's units are powers of two: megabytes = 2^20, kilobytes = 2^10 bytes).
 * Kong answers 413 above it.
 */
export function bodySizePlugin(b: BodySizeIR): PluginSpec {
  return {
    plugin: PLUGINS.requestSizeLimiting,
    config: () => {
      const [size, unit] = b.maxBytes % MIB === 0 ? [b.maxBytes / MIB, 'megabytes']
        : b.maxBytes % KIB === 0 ? [b.maxBytes / KIB, 'kilobytes'] : [b.maxBytes, 'bytes'];
      return { allowed_payload_size: size, size_unit: unit };
    },
  };
}
