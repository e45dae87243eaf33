// @ts-check
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseRegistryPol, writeRegistryPol, REG } from '../dist/rollout/readers/registry-pol.js';
import { firewallPolicy, outboundTcp } from '../dist/rollout/readers/firewall.js';

const child = (rows) => {
  const r = spawnSync(process.execPath, [fileURLToPath(new URL('./inventory-child.js', import.meta.url)), String(rows)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim());
};

/** Inventory streaming at 100k and 1M rows (peak memory should stay flat), and a 500-setting Registry.pol. */
export function benchArtifacts() {
  const small = child(100_000);
  const large = child(1_000_000);
  const entries = [];
  for (let i = 0; i < 500; i++) {
    entries.push(
      i % 5 === 0
        ? { key: 'SOFTWARE\\Policies\\Microsoft\\WindowsFirewall\\FirewallRules', value: `{R${i}}`, type: REG.SZ, data: `v2.30|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|RPort=${1000 + i}|Name=Rule ${i}|` }
        : { key: `Software\\Policies\\Microsoft\\Windows\\Setting${i % 40}`, value: `Value${i}`, type: REG.DWORD, data: i },
    );
  }
  const pol = writeRegistryPol(entries);
  const times = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const policy = firewallPolicy(parseRegistryPol(pol, 'bench.pol'));
    outboundTcp(policy, 443);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    inventoryRowsPerSecond: large.rowsPerSecond,
    inventory1MSeconds: +(large.ms / 1000).toFixed(2),
    inventory100kPeakMB: small.peakMB,
    inventory1MPeakMB: large.peakMB,
    gpo500SettingsMs: +times[3].toFixed(2),
  };
}
