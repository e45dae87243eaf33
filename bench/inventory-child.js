// @ts-check
// Stream an inventory CSV of argv[2] rows (written to a temp file first) and report rows/s and peak memory.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { readInventory } from '../dist/rollout/readers/inventory.js';

const rows = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'kblint-inv-'));
const file = join(dir, 'inventory.csv');
const out = createWriteStream(file);
out.write('#TYPE Microsoft.ActiveDirectory.Management.ADComputer\r\n"Name","DistinguishedName","OperatingSystem","OperatingSystemVersion"\r\n');
const os = [['Windows XP Professional', '5.1 (2600)'], ['Windows Vista Business', '6.0 (6002)'], ['Windows 7 Enterprise', '6.1 (7601)']];
for (let i = 0; i < rows; i++) {
  const [n, v] = os[i % 3];
  if (!out.write(`"PC${i}","CN=PC${i},OU=Dept${i % 50},DC=contoso,DC=com","${n}","${v}"\r\n`)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');
const baseline = process.resourceUsage().maxRSS;
const t0 = performance.now();
let count = 0;
for await (const computer of readInventory(file)) if (computer.os) count++;
const ms = performance.now() - t0;
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify({ rows: count, ms: Math.round(ms), rowsPerSecond: Math.round((count / ms) * 1000), peakMB: Math.round(process.resourceUsage().maxRSS / 1024), beforeMB: Math.round(baseline / 1024) })}\n`);
