// The CLI's entry point: `npm run cli -- <command>` and the package's bin run this file.
import { run } from './main';

process.exitCode = run(process.argv.slice(2));
