/** The failure suite on the release bundles deploy; failures-oldest.test.ts runs it on Debian's 2.9.10. */
import { describeOnServer } from '../support/tools';
import { failureCases } from './failure-cases';
import { failureCases as run } from './failure-suite';
import { PORT_BANDS } from './harness';

describeOnServer('current', 'failures', (server) => run(failureCases('current'), PORT_BANDS.failuresCurrent, server));
