import type { Rule } from '../../check/rule';
import { q } from '../support';

/** What nats-server accepts as a domain: it becomes a subject token in `$JS.<domain>.API.>`. */
const DOMAIN = /^[A-Za-z0-9_-]+$/;

/** JETSTREAM_DOMAIN_INVALID: the server refuses to start with a domain holding `.`, `*`, `>` or spaces. */
export const jetstreamDomain: Rule = {
  id: 'jetstream-domain',
  description: 'The JetStream domain is a single subject token of letters, digits, _ and -.',
  check({ topology }) {
    const domain = topology.jetstream.domain;
    // An empty domain is not rendered; a disabled JetStream is jetstream-disabled's to report.
    if (!topology.jetstream.enabled || !domain || DOMAIN.test(domain)) return [];
    return [
      {
        code: 'JETSTREAM_DOMAIN_INVALID',
        severity: 'error',
        target: { kind: 'topology', field: 'jetstream.domain' },
        message: `JetStream domain ${q(domain)} may only hold letters, digits, '_' and '-': every server refuses to start ("invalid domain name")`,
        fix: `Use a domain like ${q(domain.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'hub')}, or none.`,
      },
    ];
  },
};
