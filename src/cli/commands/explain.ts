import { KblintError } from '../../errors.js';
import { ruleText } from '../../lint/index.js';
import { kbOptions, loadKnowledgeBase } from '../kb-source.js';
import type { Command } from '../main.js';
import { usageError } from '../main.js';
import { compiledRules, localeOption, rulesOptions } from '../rules-source.js';

export const explainCommand: Command = {
  name: 'explain',
  summary: 'a rule: what it checks, its message and fix, and the documentation it cites',
  usage: 'kblint explain <rule-id> [--locale en|nl|de-DE|…] [--kb kb.json] [--rules dir]',
  options: { ...kbOptions, ...rulesOptions },
  async run({ positionals, options, io }) {
    const [id] = positionals;
    if (!id) throw usageError('explain needs a rule id (see kblint coverage)');
    const locale = localeOption(options);
    const kb = await loadKnowledgeBase(options, io);
    const { compiled, stale, inactive } = await compiledRules(options, io, kb);
    const rule = compiled.find((r) => r.spec.id === id);
    if (!rule) {
      const s = stale.find((r) => r.rule === id);
      if (s) throw new KblintError('stale-rule', `rule ${id} is stale: ${s.reason}`);
      const off = inactive.find((r) => r.rule === id);
      if (off) {
        io.out(`${id}: inactive — ${off.reason}; it checks nothing until an article says what it selects.\n`);
        return 0;
      }
      throw new KblintError('not-found', `no rule '${id}'; rules: ${compiled.map((r) => r.spec.id).join(', ')}`);
    }
    const nl = locale === 'nl';
    const sample = { target: '<target>', group: '<group>', os: '<os>' };
    const lines = [`${rule.spec.id} (${rule.spec.severity})`, `  ${ruleText(rule, 'description', locale, {})}`, ''];
    if (rule.spec.select) {
      lines.push(`${nl ? 'Selecteert' : 'Selects'}: ${JSON.stringify(rule.spec.select)} — ${rule.instances.length} ${nl ? 'vereiste(n)' : rule.instances.length === 1 ? 'requirement' : 'requirements'}`, '');
    }
    // One block per instance: the requirement it checks, its values and its message.
    for (const instance of rule.instances) {
      const r = instance.requirement;
      lines.push(
        `${nl ? 'Vereiste' : 'Requirement'} ${r.id} [${r.level}] (${r.locale})`,
        `  "${r.quote}"`,
        `  ${r.source.file}:${r.source.line}:${r.source.column}`,
        // The same requirement in the other locales: one instance checks it for all of them.
        ...instance.translations.map((t) => `  ${t.locale}: ${t.id} (${t.source.file}:${t.source.line})`),
        ...(Object.keys(instance.params).length ? [`${nl ? 'Uit de documentatie' : 'From the documentation'}: ${Object.entries(instance.params).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(', ')}`] : []),
        `${nl ? 'Melding' : 'Message'}: ${ruleText(instance, 'message', locale, sample)}`,
        `${nl ? 'Oplossing' : 'Fix'}: ${ruleText(instance, 'fix', locale, sample)}`,
        '',
      );
    }
    io.out(lines.join('\n'));
    return 0;
  },
};
