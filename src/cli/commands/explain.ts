import { KblintError } from '../../errors.js';
import { ruleText } from '../../lint/index.js';
import { kbOptions, loadKnowledgeBase } from '../kb-source.js';
import type { Command } from '../main.js';
import { usageError } from '../main.js';
import { compiledRules, localeOption, rulesOptions } from '../rules-source.js';

export const explainCommand: Command = {
  name: 'explain',
  summary: 'a rule: what it checks, its message and fix, and the documentation it cites',
  usage: 'kblint explain <rule-id> [--locale en|nl] [--kb kb.json] [--rules dir]',
  options: { ...kbOptions, ...rulesOptions },
  async run({ positionals, options, io }) {
    const [id] = positionals;
    if (!id) throw usageError('explain needs a rule id (see kblint coverage)');
    const locale = localeOption(options);
    const kb = await loadKnowledgeBase(options, io);
    const { compiled, stale } = await compiledRules(options, io, kb);
    const rule = compiled.find((r) => r.spec.id === id);
    if (!rule) {
      const s = stale.find((r) => r.rule === id);
      if (s) throw new KblintError('stale-rule', `rule ${id} is stale: ${s.reason}`);
      throw new KblintError('not-found', `no rule '${id}'; rules: ${compiled.map((r) => r.spec.id).join(', ')}`);
    }
    const r = rule.requirement;
    const nl = locale === 'nl';
    const sample = { target: '<target>', group: '<group>', os: '<os>' };
    io.out(
      [
        `${rule.spec.id} (${rule.spec.severity})`,
        `  ${ruleText(rule, 'description', locale, {})}`,
        '',
        `${nl ? 'Melding' : 'Message'}: ${ruleText(rule, 'message', locale, sample)}`,
        `${nl ? 'Oplossing' : 'Fix'}: ${ruleText(rule, 'fix', locale, sample)}`,
        ...(Object.keys(rule.params).length ? [`${nl ? 'Uit de documentatie' : 'From the documentation'}: ${Object.entries(rule.params).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(', ')}`] : []),
        '',
        `${nl ? 'Vereiste' : 'Requirement'} ${r.id} [${r.level}] (${r.locale})`,
        `  "${r.quote}"`,
        `  ${r.source.file}:${r.source.line}:${r.source.column}`,
        ...(r.translations ? [`  ${Object.entries(r.translations).map(([l, t]) => `${l}: ${t}`).join(', ')}`] : []),
        '',
      ].join('\n'),
    );
    return 0;
  },
};
