import { diffKnowledgeBases, readKnowledgeBase } from '../../kb/index.js';
import type { Command } from '../main.js';
import { usageError } from '../main.js';

export const diffCommand: Command = {
  name: 'diff',
  summary: 'requirements added, removed and changed between two knowledge bases',
  usage: 'kblint diff <old.json> <new.json> [--json]',
  options: { json: { type: 'boolean' } },
  async run({ positionals, options, io }) {
    if (positionals.length !== 2) throw usageError('diff needs two knowledge bases: kblint diff old.json new.json');
    const [before, after] = await Promise.all(positionals.map((p) => readKnowledgeBase(p)));
    const diff = diffKnowledgeBases(before!, after!);
    if (options.json) {
      io.out(
        `${JSON.stringify({
          added: diff.added.map((r) => r.id),
          removed: diff.removed.map((r) => r.id),
          changed: diff.changed.map((c) => ({ id: c.after.id, before: c.before.quote, after: c.after.quote })),
          unchanged: diff.unchanged,
        }, null, 2)}\n`,
      );
    } else {
      for (const r of diff.added) io.out(`+ ${r.id} [${r.level}] ${r.quote}\n`);
      for (const r of diff.removed) io.out(`- ${r.id} [${r.level}] ${r.quote}\n`);
      for (const c of diff.changed) io.out(`~ ${c.after.id}\n    was: ${c.before.quote}\n    now: ${c.after.quote}\n`);
      io.out(`${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed, ${diff.unchanged} unchanged\n`);
    }
    return 0;
  },
};
