import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGpoBackup } from '../../src/rollout/readers/gpo.js';
import { HAS_SHARED, SHARED } from '../shared.js';
import { check } from './run.js';

const ARTIFACTS = `${SHARED}artifacts`;
const BASELINE = `${ARTIFACTS}/gpo-backup-baseline`;
const REPORTS = ['COMPANY-Global-Baseline', 'HR-Restrictive-Policy', 'IT-Power-User-Config'];
const text = (file: string) => {
  const b = readFileSync(file);
  return b[0] === 0xff && b[1] === 0xfe ? b.subarray(2).toString('utf16le') : b.toString('utf8');
};

// Every real file in ../shared/artifacts, read whole: counts compared with an independent count of the raw text.
describe.skipIf(!HAS_SHARED)('the real GPO backups in ../shared/artifacts, nothing dropped', () => {
  it('reads the baseline backup: its name, 87 + 0 Registry.pol entries, every GptTmpl.inf line and audit.csv row', async () => {
    const gpo = await readGpoBackup(BASELINE);
    expect(gpo.name).toBe('Local Policy Export');
    expect(gpo.registry.computer!.entries).toHaveLength(87);
    expect(gpo.registry.user!.entries).toHaveLength(0);
    const inf = text(`${BASELINE}/DomainSysvol/GPO/Machine/microsoft/windows nt/SecEdit/GptTmpl.inf`).split(/\r?\n/).filter((l) => l.trim() !== '');
    const sections = gpo.securityTemplate!.sections;
    expect(sections.map((s) => `${s.name}:${s.values.length}`)).toEqual(['Unicode:1', 'System Access:17', 'Event Audit:9', 'Registry Values:58', 'Privilege Rights:45', 'Version:2']);
    expect(sections.length + sections.reduce((n, s) => n + s.values.length, 0)).toBe(inf.length);
    const audit = readFileSync(`${BASELINE}/DomainSysvol/GPO/Machine/microsoft/windows nt/Audit/audit.csv`, 'latin1').split(/\r?\n/).filter((l) => l.trim() !== '');
    expect(gpo.auditPolicy!.rows).toHaveLength(audit.length - 1);
    expect(gpo.auditPolicy!.rows[0]).toMatchObject({ subcategoría: 'Otros eventos de sistema', 'valor de configuración': '3' });
  });

  it.each(REPORTS)('reads every setting of %s/gpreport.xml', async (name) => {
    const dir = `${ARTIFACTS}/gpreport/${name}`;
    const gpo = await readGpoBackup(dir);
    const raw = text(`${dir}/gpreport.xml`);
    expect(gpo.name).toBe(/<Name>([^<]*)<\/Name>/.exec(raw.slice(raw.indexOf('</Identifier>')))![1]);
    expect(gpo.links).toEqual([...raw.matchAll(/<SOMPath>([^<]*)<\/SOMPath>/g)].map((m) => m[1]));
    const settings = [...raw.matchAll(/<q\d+:(SecurityOptions|Policy|Account|Audit|UserRightsAssignment|RegistrySetting)>/g)].length;
    expect(gpo.extensions.reduce((n, e) => n + e.settings, 0)).toBe(settings);
    expect(gpo.extensions.length).toBe([...raw.matchAll(/<Extension /g)].length);
  });

  it('checks each real backup as its owner would, exit 0 or 1, the target named by the GPO', async () => {
    for (const [dir, name] of [
      [BASELINE, 'Local Policy Export'],
      [`${ARTIFACTS}/gpreport/HR-Restrictive-Policy`, 'HR - Highly Restrictive policy'],
    ] as const) {
      const { code, result } = await check([dir]);
      expect([0, 1]).toContain(code);
      expect([...new Set(result.outcomes.map((o) => o.target))]).toEqual([name]);
    }
  });
});
