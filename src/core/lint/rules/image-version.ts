import type { Rule } from '../../check/rule';
import { formatVersion, isNatsImage, olderThan, parseImageRef, tagVersion } from '../image-ref';
import { q } from '../support';

/** The oldest server our probes work with: `/healthz?js-enabled-only` and `?js-server-only` arrived in 2.9.10. */
export const MIN_SERVER = { major: 2, minor: 9, patch: 10 };

/** IMAGE_TOO_OLD: older servers lack the split health checks our startup, readiness and liveness probes use. */
export const imageVersion: Rule = {
  id: 'image-version',
  description: `The NATS image is at least ${MIN_SERVER.major}.${MIN_SERVER.minor}.${MIN_SERVER.patch}.`,
  check({ topology }) {
    const ref = parseImageRef(topology.image);
    const v = ref?.tag && isNatsImage(ref) ? tagVersion(ref.tag) : null;
    if (!v || !olderThan(v, MIN_SERVER)) return [];
    const min = `${MIN_SERVER.major}.${MIN_SERVER.minor}.${MIN_SERVER.patch}`;
    return [
      {
        code: 'IMAGE_TOO_OLD',
        severity: 'error',
        target: { kind: 'topology', field: 'image' },
        message: `image ${q(topology.image)} runs nats-server ${formatVersion(v)}: our readiness and liveness probes use /healthz?js-server-only and ?js-enabled-only, which need ${min} or newer`,
        fix: 'Use nats-server 2.9.10 or newer, e.g. "nats:2.14.2-alpine".',
      },
    ];
  },
};
