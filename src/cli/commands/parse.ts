import { isKblintError } from '../../errors.js';
import { countDocument, parseFile } from '../../parse/index.js';
import { displayPath, markdownFiles } from '../../util/files.js';
import type { Command } from '../main.js';

export const parseCommand: Command = {
  name: 'parse',
  summary: 'parse articles and print their structure (or the document model as JSON)',
  usage: 'kblint parse <file|folder>… [--json]',
  options: { json: { type: 'boolean' } },
  async run({ positionals, options, io }) {
    const targets = positionals.length ? positionals : ['content'];
    let failed = 0;
    const docs = [];
    for (const target of targets) {
      for (const file of await markdownFiles(target)) {
        try {
          const doc = await parseFile(file, displayPath(file, io.cwd));
          if (options.json) {
            docs.push(doc);
            continue;
          }
          const c = countDocument(doc);
          const callouts = Object.entries(c.callouts).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(', ') || 'none';
          io.out(`${doc.file}: ${doc.meta.title ?? '(untitled)'} [${doc.meta.locale ?? 'no locale'}, ${doc.meta.assetId ?? 'no asset id'}]\n`);
          io.out(`  ${c.sections} sections, callouts: ${callouts}, ${c.procedures} procedures, ${c.codeSamples} code samples, ${c.articleLinks} article links\n`);
          for (const d of doc.diagnostics) io.out(`  ${d.pos.file}:${d.pos.line}:${d.pos.column}: ${d.severity}: ${d.message}\n`);
        } catch (e) {
          if (!isKblintError(e)) throw e;
          failed++;
          io.err(`${e.format()}\n`);
        }
      }
    }
    if (options.json) io.out(`${JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2)}\n`);
    return failed ? 2 : 0;
  },
};
