/** The failure suite on Debian's nats-server 2.9.10; failures-current.test.ts runs it on the release bundles deploy. */
import { describeOnServer } from '../support/tools';
import { failureCases } from './failure-cases';
import { failureCases as run } from './failure-suite';
import { PORT_BANDS } from './harness';

describeOnServer('oldest', 'failures', (server) => run(failureCases('oldest'), PORT_BANDS.failuresOldest, server));
