import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT } from '../shared.js';

export interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** The built CLI as CI runs it: no terminal, CI set, NO_COLOR and FORCE_COLOR unset unless given. */
export function kblint(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, CI: '1', ...options.env };
  if (!options.env || !('NO_COLOR' in options.env)) delete env.NO_COLOR;
  if (!options.env || !('FORCE_COLOR' in options.env)) delete env.FORCE_COLOR;
  if (!options.env || !('GITHUB_STEP_SUMMARY' in options.env)) delete env.GITHUB_STEP_SUMMARY;
  const r = spawnSync(process.execPath, [`${PROJECT}dist/cli/bin.js`, ...args], {
    cwd: options.cwd ?? PROJECT,
    encoding: 'utf8',
    env,
    maxBuffer: 256 * 1024 * 1024,
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export const tmp = () => mkdtempSync(join(tmpdir(), 'kblint-report-'));
export const TODAY = ['--today', '2026-11-24'];
