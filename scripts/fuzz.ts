// `npm run fuzz -- --designs 10000 [--seed N] [--boot-every N] [--parallel N]`: the fuzzer of test/fuzz/fuzz.ts at
// length, on both server versions. Prints its counts and every finding; exits 1 on any finding.
import { parseArgs } from 'node:util';
import { failures, runFuzz } from '../test/fuzz/fuzz';
import { NATS_SERVERS, SERVER_VERSIONS } from '../test/support/tools';

const { values } = parseArgs({
  options: {
    designs: { type: 'string', default: '10000' },
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
    'boot-every': { type: 'string', default: '50' },
    parallel: { type: 'string', default: '4' },
  },
});
const missing = SERVER_VERSIONS.filter((v) => 'missing' in v);
if (missing.length > 0) {
  console.error(missing.map((v) => ('missing' in v ? v.missing : '')).join('\n'));
  process.exit(2);
}
const options = {
  designs: Number(values.designs),
  seed: Number(values.seed),
  bootEvery: Number(values['boot-every']),
  parallel: Number(values.parallel),
  servers: NATS_SERVERS,
};
console.log(`fuzz: ${options.designs} designs, seed ${options.seed}, nats-server ${NATS_SERVERS.map((s) => s.version).join(' and ')}`);
const started = Date.now();
const r = await runFuzz({ ...options, log: (line) => console.log(`  ${line} (${Math.round((Date.now() - started) / 1000)} s)`) });
const found = failures(r);
console.log(`
designs                 ${r.designs} (${r.lintClean} lint-clean, ${r.forced} forced past the lint, ${r.refusedByParser} refused by the parser)
confs                   ${r.confs}
nats-server -t runs     ${Object.entries(r.checks)
  .map(([v, c]) => `${v}: ${c.runs} (${c.refusedForced} of forced designs refused)`)
  .join('; ')}
boots, logins           ${r.boots} servers, ${r.logins} users logged in
crashes                 ${r.crashes.length}
hangs                   ${r.hangs.length}
injections              ${r.injections.length}
leaks of a secret       ${r.leaks.length}
write escapes           ${r.writeEscapes.length}
lint-clean confs refused ${r.brokenServers.length}
login failures          ${r.loginFailures.length}
time                    ${Math.round((Date.now() - started) / 1000)} s`);
for (const f of found.slice(0, 50)) console.log(`\n${f}`);
process.exit(found.length > 0 ? 1 : 0);
