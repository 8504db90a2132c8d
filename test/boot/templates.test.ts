/** Boots every built-in template locally and checks it forms what it says. */
import { TEMPLATES } from '../../src/core/templates/index';
import { bootSuite, PORT_BANDS } from './harness';
import { bootCases } from './suite';

bootSuite('local run of every built-in template', (server) => {
  bootCases(
    TEMPLATES.map((t) => ({ label: `template ${t.id}`, topology: t.topology })),
    PORT_BANDS.templates,
    server,
  );
});
