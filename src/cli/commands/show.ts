import { KblintError } from '../../errors.js';
import type { Requirement } from '../../extract/types.js';
import { kbOptions, loadKnowledgeBase } from '../kb-source.js';
import type { Command } from '../main.js';
import { usageError } from '../main.js';

export function describeRequirement(r: Requirement): string {
  const scope = [r.scope.method, r.scope.os ? `os ${r.scope.os.bound} ${r.scope.os.version}` : undefined, r.scope.phase].filter(Boolean).join(', ');
  const claims = r.claims.map((c) => {
    const { kind, ...rest } = c;
    return `${kind} ${JSON.stringify(rest)}`;
  });
  return [
    `${r.id}  [${r.level}]${scope ? `  (${scope})` : ''}`,
    `  "${r.quote}"`,
    ...(r.trigger ? [`  ${r.level} because: '${r.trigger}' in the main clause${r.form === 'action' ? ' (a UI action step)' : ''}`] : []),
    `  ${r.source.file}:${r.source.line}:${r.source.column}  ${r.locale}  § ${r.section}`,
    ...claims.map((c) => `  claim: ${c}`),
    ...(r.translations ? [`  translations: ${Object.entries(r.translations).map(([l, id]) => `${l} ${id}`).join(', ')}`] : []),
    '',
  ].join('\n');
}

export const showCommand: Command = {
  name: 'show',
  summary: 'print a requirement, or an article\'s requirements, with their quotes',
  usage: 'kblint show <asset-id|requirement-id> [--kb kb.json] [--json]',
  options: { ...kbOptions, json: { type: 'boolean' } },
  async run({ positionals, options, io }) {
    const [wanted] = positionals;
    if (!wanted) throw usageError('show needs an asset id or a requirement id');
    const kb = await loadKnowledgeBase(options, io);
    const key = wanted.toLowerCase();
    const found = kb.requirements.filter((r) => r.id === key || r.doc === key || (key.length >= 8 && r.doc.startsWith(key) && !key.includes('/')));
    if (found.length === 0) throw new KblintError('not-found', `no requirement or article '${wanted}' in the knowledge base`);
    if (options.json) io.out(`${JSON.stringify(found, null, 2)}\n`);
    else for (const r of found) io.out(describeRequirement(r));
    return 0;
  },
};
