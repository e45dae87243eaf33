#!/usr/bin/env node
import { run } from './main.js';
import { exitOnInterrupt } from '../util/interrupt.js';

/**
 * Exit codes are 0, 1 and 2 only. Whatever escapes `run` (an error thrown from a stream callback,
 * a promise that never settles because a worker died) is an internal error: exit 2, never Node's
 * 1, 7 or 13.
 */
const internal = (what: unknown) => {
  process.stderr.write(`kblint: internal error: ${what instanceof Error ? (what.stack ?? what.message) : String(what)}\n`);
  process.exit(2);
};
process.on('uncaughtException', internal);
process.on('unhandledRejection', internal);
// Ctrl-C and SIGTERM: exit 2 after removing unfinished outputs.
exitOnInterrupt();

let settled = false;
process.on('beforeExit', () => {
  if (!settled) internal('kblint stopped before the command finished');
});
process.exitCode = await run(process.argv.slice(2));
settled = true;
