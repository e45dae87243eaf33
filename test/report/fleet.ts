import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A generated fleet as administrators have one: an AD export of `count` Windows XP computers
 * (one CSV row each, so each computer's OS finding points at its own row) installed through
 * Windows Update by users who are no local administrators, without activation: every computer
 * breaks two rules (windows-update-needs-local-admin and pre-vista-needs-activation).
 */
export function writeFleet(dir: string, count: number): string {
  const rows = ['"Name","DistinguishedName","OperatingSystem","OperatingSystemVersion","LocalAdmin"'];
  for (let i = 1; i <= count; i++) {
    const name = `PC-${String(i).padStart(5, '0')}`;
    rows.push(`"${name}","CN=${name},OU=Fleet,DC=contoso,DC=com","Windows XP Professional","5.1 (2600)","False"`);
  }
  writeFileSync(join(dir, 'fleet.csv'), `${rows.join('\r\n')}\r\n`);
  writeFileSync(
    join(dir, 'rollout.yaml'),
    [
      'name: generated fleet',
      'groups:',
      '  - name: fleet',
      '    method: windows-update',
      '    activation: false',
      '    inventory: { file: fleet.csv }',
      '    network:',
      '      root: { ports: [443] }',
      '      licensing: { ports: [443] }',
      '',
    ].join('\n'),
  );
  return join(dir, 'rollout.yaml');
}
