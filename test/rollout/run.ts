import { run } from '../../src/cli/main.js';
import type { LintResult } from '../../src/lint/types.js';
import { PROJECT } from '../shared.js';

/** `kblint …` in this process: exit code, standard output and standard error. */
export async function kblint(args: string[], cwd = PROJECT): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, { out: (s) => (out += s), err: (s) => (err += s), isTTY: false, cwd });
  return { code, out, err };
}

/** `kblint check … --format json`: the exit code and the parsed result. */
export async function check(args: string[], cwd = PROJECT): Promise<{ code: number; result: LintResult; err: string }> {
  const r = await kblint(['check', ...args, '--format', 'json', '--today', '2026-11-24'], cwd);
  if (r.code === 2) throw new Error(`kblint check exited 2: ${r.err}`);
  return { code: r.code, result: JSON.parse(r.out) as LintResult, err: r.err };
}
