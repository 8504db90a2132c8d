import type { Rule } from '../../check/rule';
import { q } from '../support';
import type { Problem, ProblemTarget } from '../../problems';

/** What nats-server accepts as a domain: it becomes a subject token in `$JS.<domain>.API.>`. */
const DOMAIN = /^[A-Za-z0-9_-]+$/;

/** JETSTREAM_DOMAIN_INVALID: the server refuses to start with a domain holding `.`, `*`, `>` or spaces. */
export const jetstreamDomain: Rule = {
  id: 'jetstream-domain',
  description: 'The JetStream domain is a single subject token of letters, digits, _ and -.',
  check({ topology }) {
    // An empty domain is not rendered; a disabled JetStream is jetstream-disabled's to report.
    if (!topology.jetstream.enabled) return [];
    const out: Problem[] = [];
    const invalid = (domain: string, target: ProblemTarget, who: string): void => {
      if (DOMAIN.test(domain)) return;
      out.push({
        code: 'JETSTREAM_DOMAIN_INVALID',
        severity: 'error',
        target,
        message: `JetStream domain ${q(domain)} may only hold letters, digits, '_' and '-': ${who} refuse${who === 'every server' ? 's' : ''} to start ("invalid domain name")`,
        fix: `Use a domain like ${q(domain.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'hub')}, or none.`,
      });
    };
    if (topology.jetstream.domain) invalid(topology.jetstream.domain, { kind: 'topology', field: 'jetstream.domain' }, 'every server');
    for (const c of topology.clusters) if (c.domain) invalid(c.domain, { kind: 'cluster', cluster: c.name, field: 'domain' }, `the servers of ${c.name}`);
    return out;
  },
};
