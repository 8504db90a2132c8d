import type { Rule } from '../../check/rule';
import { parseImageRef } from '../image-ref';
import { q } from '../support';

/** IMAGE_INVALID: the kubelet cannot pull an image whose reference does not parse (InvalidImageName). */
export const imageReference: Rule = {
  id: 'image-reference',
  description: 'The server image is a valid image reference.',
  check({ topology }) {
    if (parseImageRef(topology.image)) return [];
    return [
      {
        code: 'IMAGE_INVALID',
        severity: 'error',
        target: { kind: 'topology', field: 'image' },
        message: `image ${q(topology.image)} is not a valid image reference: every pod fails with InvalidImageName`,
        fix: 'Use [registry/]repository[:tag][@digest] with a lower-case repository, e.g. "nats:2.14.2-alpine".',
      },
    ];
  },
};
