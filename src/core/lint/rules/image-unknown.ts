import type { Rule } from '../../check/rule';
import { isNatsImage, parseImageRef } from '../image-ref';
import { q } from '../support';

/**
 * IMAGE_UNKNOWN: the bundle assumes the official image's layout (nats-server on PATH for the preStop lame-duck
 * signal, a server new enough for our probes); for another image we cannot check either.
 */
export const imageUnknown: Rule = {
  id: 'image-unknown',
  description: 'Images other than the official nats image are flagged for a manual check.',
  check({ topology }) {
    const ref = parseImageRef(topology.image);
    if (!ref || isNatsImage(ref)) return [];
    return [
      {
        code: 'IMAGE_UNKNOWN',
        severity: 'info',
        target: { kind: 'topology', field: 'image' },
        message: `image ${q(topology.image)} is not the official nats image, so its server version and layout are not checked`,
        fix: 'Make sure it runs nats-server 2.9.10 or newer and has nats-server on its PATH: the preStop hook runs it to enter lame duck mode.',
      },
    ];
  },
};
