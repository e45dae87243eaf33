import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT } from '../shared.js';
import { tmp } from './helpers.js';

const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });

describe('the npm package', () => {
  it('declares its repository and builds when packed, never when a consumer installs it', () => {
    const pkg = JSON.parse(readFileSync(`${PROJECT}package.json`, 'utf8')) as { repository?: { url: string }; scripts: Record<string, string> };
    expect(pkg.repository?.url).toMatch(/^git\+https:\/\//);
    expect(pkg.scripts.prepare).toBeUndefined();
    expect(pkg.scripts.postinstall).toBeUndefined();
    expect(pkg.scripts.prepack).toBe('npm run build');
    // A fresh clone still works: start and test build first.
    expect(pkg.scripts.prestart).toBe('npm run build');
    expect(pkg.scripts.pretest).toBe('npm run build');
  });

  it('installs from its tarball into a clean folder and runs there without a build step', () => {
    const out = tmp();
    // dist/ is built by pretest; --ignore-scripts packs it as prepack would have built it.
    const pack = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', out], PROJECT);
    expect(pack.status, pack.stderr).toBe(0);
    const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    const files = info!.files.map((f) => f.path);
    expect(files).toContain('dist/cli/bin.js');
    expect(files).toContain('examples/violating.yaml');
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
    const consumer = tmp();
    writeFileSync(join(consumer, 'package.json'), '{ "name": "consumer", "version": "1.0.0", "private": true }\n');
    const install = npm(['install', '--no-audit', '--no-fund', '--prefer-offline', join(out, info!.filename)], consumer);
    expect(install.status, install.stderr).toBe(0);
    const run = spawnSync('npx', ['--no-install', 'kblint', 'check', 'node_modules/kblint/examples/violating.yaml', '--format', 'summary'], { cwd: consumer, encoding: 'utf8' });
    expect(run.stderr.split('\n').filter((l) => l && !l.startsWith('npm warn'))).toEqual([]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('kblint: 21 problems (20 errors, 1 warning) in 7 targets, 3 checks not checked\n');
  }, 300_000);
});
