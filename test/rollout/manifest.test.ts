import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KblintError } from '../../src/errors.js';
import { readRolloutFile } from '../../src/rollout/load.js';
import { readRollout } from '../../src/rollout/manifest.js';

const fail = (text: string): string => {
  try {
    readRollout(text, 'r.yaml');
  } catch (e) {
    if (e instanceof KblintError) return e.format();
    throw e;
  }
  throw new Error('expected an error');
};

const GROUP = 'groups:\n  - name: a\n    method: group-policy\n';

describe('rollout manifest errors, with position and in plain words', () => {
  it.each([
    ['an unknown method', `${GROUP}  - name: b\n  - name: c\n    method: wsus\n`, "r.yaml:6:13: groups[2].method: expected one of group-policy, windows-update, startup-script, sms, manual, none; got 'wsus'"],
    ['an unknown key', `${GROUP}    colour: blue\n`, "r.yaml:4:13: groups[0].colour: unknown key 'colour'"],
    ['a wrong type', `${GROUP}    activation: yes please\n`, "r.yaml:4:17: groups[0].activation: expected boolean; got 'yes please'"],
    ['a missing key', 'groups:\n  - method: sms\n', "r.yaml:2:5: groups[0]: missing 'name'"],
    ['no groups', 'name: x\n', "r.yaml:1:1: (top level): missing 'groups'"],
    ['__proto__', `${GROUP}    __proto__: { polluted: true }\n`, "r.yaml:4:5: key '__proto__' is not allowed (it would reach the object prototype)"],
    ['constructor', `constructor: 1\n${GROUP}`, "r.yaml:1:1: key 'constructor' is not allowed (it would reach the object prototype)"],
    ['a duplicate key', `${GROUP}    method: sms\n`, 'r.yaml:4:5: not valid YAML: Map keys must be unique'],
    ['a duplicate computer', 'groups:\n  - name: a\n    computers: [PC1, PC2]\n  - name: b\n    computers: [PC1]\n', "r.yaml:5:17: computer 'PC1' is listed twice (first at line 3)"],
  ])('%s', (_, text, message) => {
    expect(fail(text)).toBe(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a YAML alias bomb', () => {
    let s = 'a0: &a0 [x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++) s += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
    expect(fail(`${s}${GROUP}`)).toMatch(/^r\.yaml:1:1: YAML refused: .*alias/i);
  });

  it('refuses a 100 MB manifest before parsing it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kblint-big-')), 'big.yaml');
    writeFileSync(file, Buffer.alloc(100 * 1024 * 1024, 0x20));
    await expect(readRolloutFile(file, 'big.yaml')).rejects.toMatchObject({ code: 'too-large', message: '104857600 bytes is over the 16777216-byte limit for a rollout manifest (YAML or JSON)' });
  });

  it('loads a manifest of 130,000 computers (a sequence that overflowed the stack)', () => {
    const text = `groups:\n  - name: fleet\n    method: group-policy\n    computers:\n${Array.from({ length: 130000 }, (_, i) => `      - PC${i}\n`).join('')}`;
    const rollout = readRollout(text, 'r.yaml');
    expect(rollout.targets).toHaveLength(130000);
    expect(rollout.targets[129999]).toMatchObject({ name: 'PC129999', location: { line: 130004, column: 9 } });
  }, 120_000);

  it('checks duplicate keys in linear time (the yaml library compares every pair: 40,000 keys took 150 s)', () => {
    const keys = Array.from({ length: 40000 }, (_, i) => `  k${i}: 1\n`).join('');
    expect(fail(`${GROUP}    description: x\nextra:\n${keys}`)).toMatch(/^r\.yaml:\d+:\d+: .*unknown key/);
    expect(fail(`extra:\n${keys}  k7: 2\n${GROUP}`)).toBe('r.yaml:40002:3: not valid YAML: Map keys must be unique');
  }, 60_000);

  it('reports a missing file by name', async () => {
    await expect(readRolloutFile('/nonexistent/r.yaml', 'r.yaml')).rejects.toMatchObject({ code: 'unreadable', file: 'r.yaml' });
  });
});

describe('facts and where they came from', () => {
  const rollout = readRollout(
    [
      'groups:',
      '  - name: xp',
      '    computers: [PC1, { name: PC2, os: { version: "6.1" } }]',
      '    os: { name: Windows XP, version: "5.1 (2600)" }',
      '    method: startup-script',
      '    script:',
      '      context: computer',
      '      commands:',
      '        - msiexec /i \\\\fs\\rms\\MsDrmClient.msi /qn REBOOT=ReallySuppress',
      '        - msiexec /i RmClientBackCompat.msi /q',
      '  - name: lab',
      '    method: none',
    ].join('\n'),
    'r.yaml',
  );

  it('makes one target per computer, or one for a group without computers', () => {
    expect(rollout.targets.map((t) => [t.name, t.facts.group, t.facts.os?.version, t.location.line, t.location.column])).toEqual([
      ['PC1', 'xp', 5.1, 3, 17],
      ['PC2', 'xp', 6.1, 3, 22],
      ['lab', 'lab', undefined, 11, 11],
    ]);
  });

  it('reads the install commands into MSI order, quiet and reboot flags', () => {
    expect(rollout.targets[0]!.facts).toMatchObject({
      method: 'startup-script',
      install: true,
      script: { context: 'computer' },
      command: { msi: ['msdrmclient.msi', 'rmclientbackcompat.msi'], quiet: true, rebootSuppressed: false },
    });
    expect(rollout.targets[0]!.sources).toMatchObject({ command: { line: 9, column: 9 }, 'script.context': { line: 7, column: 16 }, os: { line: 4, column: 9 } });
    expect(rollout.targets[1]!.sources.os).toEqual({ file: 'r.yaml', line: 3, column: 39 });
    expect(rollout.targets[2]!.facts).toEqual({ group: 'lab', method: 'none', install: false });
    expect(rollout.targets[2]!.name).toBe('lab');
  });

  it('accepts JSON', () => {
    expect(readRollout('{"groups": [{"name": "g", "method": "sms"}]}', 'r.json').targets[0]!.facts.method).toBe('sms');
  });
});
