import { describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KblintError } from '../../src/errors.js';
import { readWaiverFile } from '../../src/lint/waiver-file.js';
import { readRollout } from '../../src/rollout/manifest.js';
import { isIsoDate } from '../../src/util/date.js';

describe('isIsoDate: real calendar dates as YYYY-MM-DD only', () => {
  it.each([
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['2024-12-31', true],
    ['0000-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2099-13-45', false],
    ['2024-00-10', false],
    ['2024-04-31', false],
    ['2024-01-00', false],
    ['2024-1-5', false],
    ['2024-01-05T00:00', false],
    [' 2024-01-05', false],
    ['2024-01-05\n', false],
  ])('%j → %s', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
  });
});

describe('a waiver expires on a real date, in a manifest and in a waiver file', () => {
  const manifest = (expires: string) =>
    [
      'groups:',
      '  - name: pcs',
      '    os: { name: Windows XP, version: "5.1" }',
      '    method: manual',
      'waivers:',
      '  - rule: rms-client-activated',
      '    target: pcs',
      '    reason: pilot',
      `    expires: "${expires}"`,
      '',
    ].join('\n');

  it.each(['2099-13-45', '2027-02-29', '2027-04-31'])('manifest expires %s → invalid-waivers at the expires line', (expires) => {
    let error: unknown;
    try {
      readRollout(manifest(expires), 'r.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KblintError);
    expect(error).toMatchObject({ code: 'invalid-waivers', file: 'r.yaml', line: 9, column: 14 });
    expect((error as Error).message).toBe(`expires: expected a real date written YYYY-MM-DD (such as 2027-03-31); got '${expires}'`);
  });

  it('manifest expires 2028-02-29 (a leap day) is read', () => {
    expect(readRollout(manifest('2028-02-29'), 'r.yaml').waivers.map((w) => [w.expires, w.location.line])).toEqual([['2028-02-29', 6]]);
  });

  it('waiver file expires 2099-13-45 → invalid-waivers at its line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kblint-waivers-'));
    const file = join(dir, '.kblintignore.yaml');
    await writeFile(file, 'waivers:\n  - rule: "*"\n    target: pc-*\n    reason: pilot\n    expires: 2099-13-45\n');
    await expect(readWaiverFile(file, '.kblintignore.yaml')).rejects.toMatchObject({ code: 'invalid-waivers', file: '.kblintignore.yaml', line: 5, column: 14 });
    await rm(dir, { recursive: true, force: true });
  });
});
