import type { Rule } from '../../check/rule';
import { parseImageRef } from '../image-ref';
import { q } from '../support';

/** IMAGE_WINDOWS: the official image's nanoserver and windowsservercore tags cannot run on Linux nodes such as kind's. */
export const imagePlatform: Rule = {
  id: 'image-platform',
  description: 'The server image is a Linux image.',
  check({ topology }) {
    const tag = parseImageRef(topology.image)?.tag;
    if (!tag || !/nanoserver|windowsservercore/i.test(tag)) return [];
    return [
      {
        code: 'IMAGE_WINDOWS',
        severity: 'error',
        target: { kind: 'topology', field: 'image' },
        message: `image ${q(topology.image)} is a Windows image: Linux nodes (every kind node) cannot run it, so no pod starts`,
        fix: 'Use a Linux tag such as "nats:2.14.2-alpine" or "nats:2.14.2".',
      },
    ];
  },
};
