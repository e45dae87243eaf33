// @ts-check
// The fleet the lint benchmarks check: a rollout manifest of N computers in groups of 500, each
// group compliant for its OS or (with probability `violating`) set at random. Deterministic, so
// every run lints the same fleet.

const OS = [['Windows 2000', '5.0'], ['Windows XP', '5.1'], ['Windows Server 2003', '5.2'], ['Windows Vista', '6.0'], ['Windows 7', '6.1']];
const METHODS = ['group-policy', 'windows-update', 'startup-script', 'sms', 'none'];
export const PER_GROUP = 500;

/**
 * @param {number} computers
 * @param {number} violating share of groups (0..1) set at random: 0.1 is a fleet mid-rollout,
 *   1 makes every group violate at random
 * @returns {string} the manifest's YAML
 */
export function fleetManifest(computers, violating) {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  /** @param {number} g */
  const group = (g) => {
    const [osName, osVersion] = OS[g % OS.length];
    const modern = Number(osVersion) >= 6;
    if (random() >= violating) {
      const method = modern ? 'none' : ['group-policy', 'startup-script', 'sms'][g % 3];
      return { osName, osVersion, method, localAdmin: false, activation: true, context: 'computer', integrity: true, order: true, rootPort: 443 };
    }
    return {
      osName,
      osVersion,
      method: METHODS[Math.floor(random() * METHODS.length)],
      localAdmin: random() < 0.5,
      activation: random() < 0.7,
      context: random() < 0.5 ? 'computer' : 'user',
      integrity: random() < 0.7,
      order: random() < 0.7,
      rootPort: random() < 0.8 ? 443 : 8443,
    };
  };
  const lines = ['groups:'];
  for (let g = 0; g * PER_GROUP < computers; g++) {
    const s = group(g);
    lines.push(`  - name: g${g}`, `    os: { name: ${s.osName}, version: "${s.osVersion}" }`, `    method: ${s.method}`);
    lines.push(`    installer: { localAdmin: ${s.localAdmin} }`, `    activation: ${s.activation}`);
    if (s.method === 'startup-script') {
      const msi = s.order ? ['MsDrmClient.msi', 'RmClientBackCompat.msi'] : ['RmClientBackCompat.msi', 'MsDrmClient.msi'];
      lines.push('    script:', `      context: ${s.context}`, `      integrityCheck: ${s.integrity}`, '      commands:');
      for (const m of msi) lines.push(`        - msiexec /i ${m} /qn REBOOT=ReallySuppress`);
    }
    lines.push('    network:', `      root: { ports: [${s.rootPort}] }`, '      licensing: { ports: [443] }');
    lines.push('    computers:');
    for (let i = 0; i < PER_GROUP && g * PER_GROUP + i < computers; i++) lines.push(`      - PC${g * PER_GROUP + i}`);
  }
  return `${lines.join('\n')}\n`;
}
