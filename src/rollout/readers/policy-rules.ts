import { KblintError } from '../../errors.js';
import { REG, type PolEntry } from './registry-pol.js';
import { snippet } from './text.js';
import { lineIndex, parseXml } from './xml.js';

/** A Registry.pol-style setting from a `.PolicyRules` file, with its line. */
export interface PolicyRule extends PolEntry {
  side: 'computer' | 'user';
  line: number;
}

const TYPES: Record<string, number> = {
  REG_SZ: REG.SZ,
  REG_EXPAND_SZ: REG.EXPAND_SZ,
  REG_BINARY: REG.BINARY,
  REG_DWORD: REG.DWORD,
  REG_DWORD_BIG_ENDIAN: REG.DWORD_BIG_ENDIAN,
  REG_MULTI_SZ: REG.MULTI_SZ,
  REG_QWORD: REG.QWORD,
  REG_NONE: 0,
};

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : v && typeof v === 'object' && '#text' in v ? String((v as { '#text': unknown })['#text']) : undefined);

/**
 * A Microsoft Policy Analyzer / LGPO `.PolicyRules` file (XML): the registry settings of its
 * `ComputerConfig` and `UserConfig` elements, as `<Key>`, `<Value>` (name), `<RegType>`,
 * `<RegData>` children or as `key`/`valueName` attributes with the data in `<Value>`. Security
 * template and audit elements are not registry settings and are left to other tools.
 */
export function parsePolicyRules(source: string, file: string): PolicyRule[] {
  const xml = parseXml(source, file, 'PolicyRules');
  const root = (xml.PolicyRules ?? {}) as Record<string, unknown>;
  const lineOf = lineIndex(source);
  const rules: PolicyRule[] = [];
  // fast-xml-parser groups elements by name; walk both lists in document order by their offsets.
  const lists = { computer: (root.ComputerConfig ?? []) as Record<string, unknown>[], user: (root.UserConfig ?? []) as Record<string, unknown>[] };
  const seen = { computer: 0, user: 0 };
  for (const m of source.matchAll(/<(?:\w+:)?(ComputerConfig|UserConfig)\b/g)) {
    const side = m[1] === 'ComputerConfig' ? 'computer' : 'user';
    const node = lists[side][seen[side]++];
    if (!node) continue;
    const line = lineOf(m.index);
    const attrKey = text(node['@_key']);
    const key = attrKey ?? text(node.Key);
    const value = attrKey !== undefined ? text(node['@_valueName']) : text(node.Value);
    const typeName = (text(node.RegType) ?? text((node.Value as Record<string, unknown> | undefined)?.['@_type']) ?? '').trim().toUpperCase();
    const data = attrKey !== undefined ? text(node.Value) ?? text((node.Value as Record<string, unknown> | undefined)?.['@_value']) : text(node.RegData);
    if (key === undefined || value === undefined) {
      // A PolicyType other than registry (e.g. a comment-only element) carries no setting.
      if (text(node.PolicyType) !== undefined && !/^registry$/i.test(text(node.PolicyType)!)) continue;
      throw new KblintError('bad-policyrules', `<${m[1]}> without a registry key and value name`, { file, line });
    }
    const type = TYPES[typeName];
    if (type === undefined) throw new KblintError('bad-policyrules', `unknown RegType '${snippet(typeName)}'; expected REG_SZ, REG_DWORD, …`, { file, line });
    rules.push({ side, key, value, type, data: settingData(type, data ?? '', file, line), offset: m.index, line });
  }
  return rules;
}

function settingData(type: number, data: string, file: string, line: number): PolEntry['data'] {
  if (type === REG.DWORD || type === REG.DWORD_BIG_ENDIAN) {
    const n = /^0x[0-9a-f]+$/i.test(data.trim()) ? Number.parseInt(data.trim(), 16) : /^\d+$/.test(data.trim()) ? Number(data.trim()) : Number.NaN;
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new KblintError('bad-policyrules', `REG_DWORD data '${snippet(data)}' is not a 32-bit number`, { file, line });
    return n;
  }
  if (type === REG.QWORD) {
    if (!/^\d+$/.test(data.trim())) throw new KblintError('bad-policyrules', `REG_QWORD data '${snippet(data)}' is not a number`, { file, line });
    return BigInt(data.trim());
  }
  if (type === REG.MULTI_SZ) return data.split(/\r?\n|\\0/).filter((s) => s !== '');
  if (type === REG.BINARY) return Uint8Array.from(Buffer.from(data.replace(/[^0-9a-f]/gi, ''), 'hex'));
  return data;
}
