import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT, SHARED } from '../shared.js';
import { tmp } from './helpers.js';

/** The README's first two sections, as a user follows them: their files written, their commands run. */
const README = readFileSync(`${PROJECT}README.md`, 'utf8');
const firstSections = README.slice(0, README.indexOf('\n## Reference'));
const blocks = (lang: string) => [...firstSections.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
const fileBlocks = blocks('yaml').map((b) => ({ name: /^# file: (\S+)/.exec(b)?.[1], text: b }));
const shellLines = blocks('sh').flatMap((b) => b.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter(Boolean));
const VERSION = (JSON.parse(readFileSync(`${PROJECT}package.json`, 'utf8')) as { version: string }).version;

/** A README command in a user's repository: `npx kblint` is this checkout's CLI, `node_modules/kblint/` this checkout. */
function sh(command: string, cwd: string, env: Record<string, string> = {}) {
  const line = command.replaceAll('npx kblint', `"${process.execPath}" "${PROJECT}dist/cli/bin.js"`).replaceAll('node_modules/kblint/', PROJECT);
  const e: Record<string, string | undefined> = { ...process.env, CI: '1', ...env };
  if (!env.GITHUB_STEP_SUMMARY) delete e.GITHUB_STEP_SUMMARY;
  return spawnSync('sh', ['-c', line], { cwd, encoding: 'utf8', env: e });
}

function userRepository(): string {
  const dir = tmp();
  for (const f of fileBlocks) {
    if (!f.name) continue;
    mkdirSync(dirname(join(dir, f.name)), { recursive: true });
    writeFileSync(join(dir, f.name), f.text);
  }
  return dir;
}

describe('README', () => {
  it('starts with the two commands', () => {
    expect(README.split('\n').slice(0, 7).join('\n')).toBe(
      [
        '# kblint',
        '',
        '```sh',
        'npm ci && npm start   # lint examples/violating.yaml against the bundled article and rules',
        'npm test              # unit and in-process tests, fast (reads ../shared when it is there)',
        'npm run test:e2e      # the built CLI, headless Chromium and the whole ../shared corpus',
        '```',
      ].join('\n'),
    );
  });

  it('installs only the ways the package test exercises (npm pack, then the tarball)', () => {
    const npmLines = [...shellLines, ...fileBlocks.flatMap((f) => [...f.text.matchAll(/npm install[^\n]*/g)].map((m) => m[0]))].filter((l) => l.startsWith('npm') || l.startsWith('- npm') || l.includes('npm install'));
    for (const line of npmLines) {
      expect(line.replace(/^(- |run: )/, '').replace(/^run: /, ''), line).toMatch(new RegExp(`^(npm ci && npm start|npm test|npm run test:e2e|npm pack|npm install (--save-dev|--no-save) \\./(tools/)?kblint-${VERSION.replaceAll('.', '\\.')}\\.tgz)$`));
    }
    expect(npmLines.length).toBeGreaterThanOrEqual(3);
  });

  it('runs the 5-minute commands: the minimal manifest is clean, the samples are linted', () => {
    const dir = userRepository();
    const runs = shellLines.filter((l) => l.startsWith('npx kblint') || l.startsWith('cp '));
    expect(runs.length).toBeGreaterThanOrEqual(5);
    for (const line of runs) {
      const r = sh(line, dir);
      expect(r.stderr.split('\n').filter((l) => l && !l.includes('warning:')), line).toEqual([]);
      expect([0, 1], `${line}\n${r.stdout}`).toContain(r.status);
    }
    expect(sh('npx kblint check rollout.yaml --today 2026-11-24', dir).stdout).toContain('✔ no problems (0 errors, 0 warnings)');
    const manifest = parse(readFileSync(join(dir, 'rollout.yaml'), 'utf8')) as Record<string, unknown>;
    const schema = JSON.parse(readFileSync(`${PROJECT}schema/rollout.schema.json`, 'utf8')) as { properties: Record<string, unknown> };
    expect(Object.keys(manifest).sort()).toEqual(Object.keys(schema.properties).filter((k) => k !== '$schema').sort());
  });

  it('names the AD export columns and the Backup-GPO layout as the samples have them', () => {
    const header = readFileSync(`${PROJECT}examples/artifacts/inventory.csv`, 'utf8').split('\n')[1]!.replace(/"/g, '').trim().split(',');
    const select = /Select-Object ([\w,]+)/.exec(firstSections)![1]!.split(',');
    expect([...select, 'LocalAdmin']).toEqual(header);
    const tree = blocks('text')[0]!.split('\n').filter(Boolean).slice(1);
    let folder = '';
    for (const entry of tree) {
      const name = entry.trim();
      if (entry.startsWith('  {')) folder = name;
      const path = entry.startsWith('    ') ? `${folder}${name}` : name;
      expect(existsSync(`${PROJECT}examples/artifacts/backup-root/${path}`), path).toBe(true);
    }
  });

  it('runs the GitHub Actions job: annotations, a SARIF file for upload and a step summary', () => {
    const dir = userRepository();
    const workflow = parse(readFileSync(join(dir, '.github/workflows/kblint.yml'), 'utf8')) as { jobs: { kblint: { steps: { run?: string; uses?: string; with?: Record<string, string> }[] } } };
    const steps = workflow.jobs.kblint.steps;
    const check = steps.find((s) => s.run?.startsWith('npx kblint'))!;
    const summary = join(dir, 'step-summary.md');
    writeFileSync(summary, '');
    const r = sh(check.run!, dir, { GITHUB_STEP_SUMMARY: summary });
    expect([0, 1]).toContain(r.status);
    expect(r.stdout.split('\n').filter(Boolean).every((l) => l.startsWith('::'))).toBe(true);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    const log = JSON.parse(readFileSync(join(dir, upload.with!.sarif_file!), 'utf8')) as { version: string; runs: unknown[] };
    expect(log.version).toBe('2.1.0');
    expect(readFileSync(summary, 'utf8')).toMatch(/^## kblint: rollout\.yaml\n/);
  });

  it('runs the GitLab job: the Code Quality and JUnit reports it declares', () => {
    const dir = userRepository();
    const job = (parse(readFileSync(join(dir, '.gitlab-ci.yml'), 'utf8')) as { kblint: { script: string[]; artifacts: { reports: Record<string, string> } } }).kblint;
    const r = sh(job.script.find((l) => l.startsWith('npx kblint'))!, dir);
    expect([0, 1]).toContain(r.status);
    expect(r.stdout).toMatch(/^kblint: no problems \(0 errors, 0 warnings\) in 4 targets(, \d+ checks? not checked)?; codequality → gl-code-quality-report\.json, junit → kblint-junit\.xml\n$/);
    expect(JSON.parse(readFileSync(join(dir, job.artifacts.reports.codequality!), 'utf8'))).toEqual([]);
    const junit = join(dir, job.artifacts.reports.junit!);
    if (spawnSync('xmllint', ['--version']).status === 0 && existsSync(`${SHARED}schemas/junit-10.xsd`)) {
      expect(spawnSync('xmllint', ['--noout', '--schema', `${SHARED}schemas/junit-10.xsd`, junit], { encoding: 'utf8' }).status).toBe(0);
    }
  });
});
