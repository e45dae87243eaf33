import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_RULES, loadRules } from '../../src/lint/rules.js';

/** A copy of the bundled rules plus one entry named like a rule file that is not a file. */
function rulesWith(name: string, make: (path: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'kblint-rules-'));
  for (const f of readdirSync(BUNDLED_RULES)) copyFileSync(join(BUNDLED_RULES, f), join(dir, f));
  make(join(dir, name));
  return dir;
}

describe('rule files that are not files', () => {
  it.each([
    ['a FIFO', 'zz.yaml', (p: string) => execFileSync('mkfifo', [p]), 'expected a rule file (YAML); got a FIFO'],
    ['a folder', 'dir.yaml', (p: string) => mkdirSync(p), 'expected a rule file (YAML); got a folder'],
    ['/dev/zero', 'zero.yaml', (p: string) => symlinkSync('/dev/zero', p), 'expected a rule file (YAML); got a device'],
    ['a symlink loop', 'loop.yaml', (p: string) => symlinkSync(p, p), 'symbolic link loop; expected a rule file (YAML)'],
  ])('refuses %s by name instead of hanging or crashing', async (_, name, make, message) => {
    const dir = rulesWith(name, make);
    await expect(loadRules(dir)).rejects.toMatchObject({ name: 'KblintError', file: join(dir, name), message });
  });
});
