import type { Rule } from '../../check/rule';
import { parseImageRef, tagVersion } from '../image-ref';
import { q } from '../support';

/**
 * IMAGE_TAG_FLOATING: a tag that moves means pods of one StatefulSet can run different servers after a reschedule,
 * and a rollout can upgrade JetStream without anyone deciding to.
 */
export const imageTag: Rule = {
  id: 'image-tag',
  description: 'The server image is pinned to a full version or a digest.',
  check({ topology }) {
    const ref = parseImageRef(topology.image);
    if (!ref || ref.digest) return [];
    const v = ref.tag === null ? null : tagVersion(ref.tag);
    let why: string;
    if (ref.tag === null) why = 'it has no tag, which means latest';
    else if (ref.tag === 'latest') why = 'latest moves with every release';
    else if (!v) why = `tag ${q(ref.tag)} carries no version number and moves with every release`;
    else if (v.patch === null) why = `tag ${q(ref.tag)} moves with every ${v.minor === null ? `${v.major}.x` : `${v.major}.${v.minor}.x`} release`;
    else return [];
    return [
      {
        code: 'IMAGE_TAG_FLOATING',
        severity: 'warning',
        target: { kind: 'topology', field: 'image' },
        message: `image ${q(topology.image)} floats: ${why}, so servers restarted at different times may run different versions`,
        fix: 'Pin a full version such as "nats:2.14.2-alpine" (or a digest).',
      },
    ];
  },
};
