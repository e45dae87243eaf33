// @ts-check
// Peak memory of `kblint check` on large generated inputs, per output format, against the same
// run with `--format summary` (the baseline: reading and linting only). A report that streams adds
// next to nothing to the baseline at any size; one built as a single string grows with the fleet.
//   node bench/check-memory.js [sizes…]   (default 10000 50000 150000; needs GNU time at /usr/bin/time)
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../dist/cli/bin.js', import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const dir = mkdtempSync(join(tmpdir(), 'kblint-mem-'));

/** A manifest of n computers in groups of 1,000 (every 7th with its own OS), and an inventory CSV of n rows. */
async function generate(n) {
  const manifest = join(dir, `fleet-${n}.yaml`);
  const inventory = join(dir, `inventory-${n}.csv`);
  const write = async (file, lines) => {
    const out = createWriteStream(file);
    for (const line of lines) if (!out.write(line)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
  };
  await write(manifest, (function* () {
    yield 'name: large\nclusters:\n  root: https://rms.example.net/_wmcs\n  licensing: https://rms.example.net/_wmcs/licensing\ngroups:\n';
    for (let g = 0; g * 1000 < n; g++) {
      yield `  - name: g${g}\n    os: { name: Windows XP, version: "5.1" }\n    method: windows-update\n    installer: { localAdmin: false }\n    activation: true\n    computers:\n`;
      for (let i = g * 1000; i < Math.min(n, (g + 1) * 1000); i++) yield i % 7 === 0 ? `      - { name: PC-${i}, os: { name: Windows 7, version: "6.1" } }\n` : `      - PC-${i}\n`;
    }
  })());
  const os = [['Windows XP Professional', '5.1 (2600)'], ['Windows Vista Business', '6.0 (6002)'], ['Windows 7 Enterprise', '6.1 (7601)']];
  await write(inventory, (function* () {
    yield '#TYPE Microsoft.ActiveDirectory.Management.ADComputer\r\n"Name","DistinguishedName","OperatingSystem","OperatingSystemVersion","LocalAdmin"\r\n';
    for (let i = 0; i < n; i++) yield `"PC${i}","CN=PC${i},OU=Dept${i % 50},DC=contoso,DC=com","${os[i % 3][0]}","${os[i % 3][1]}","False"\r\n`;
  })());
  return { manifest, inventory };
}

/** Peak RSS in MB of one check run, as GNU time measures it. */
function peakMB(input, format) {
  const timed = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, BIN, 'check', input, '--format', format, '--output', join(dir, `out.${format}`)], { encoding: 'utf8' });
  if (timed.error) throw new Error('needs GNU time at /usr/bin/time');
  if (timed.status !== 0 && timed.status !== 1) throw new Error(`check ${format} on ${input} exited ${timed.status}: ${timed.stderr.slice(-400)}`);
  return Math.round(Number(timed.stderr.trim().split('\n').pop()) / 1024);
}

const rows = [];
for (const n of sizes.length ? sizes : [10_000, 50_000, 150_000]) {
  const { manifest, inventory } = await generate(n);
  for (const [kind, input] of [['manifest', manifest], ['inventory', inventory]]) {
    const baseline = peakMB(input, 'summary');
    const json = peakMB(input, 'json');
    rows.push({ kind, computers: n, summaryPeakMB: baseline, jsonPeakMB: json, jsonOverSummary: +(json / baseline).toFixed(2) });
    process.stderr.write(`${kind} ${n}: summary ${baseline} MB, json ${json} MB\n`);
  }
}
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(rows)}\n`);
