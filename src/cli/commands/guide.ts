import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { readNotCheckable } from '../../guide/context.js';
import { writeSite } from '../../guide/site.js';
import { LOCALES, type Locale } from '../../lint/types.js';
import { BUNDLED_RULES } from '../../lint/index.js';
import { kbInputs, kbOptions, loadKnowledgeBase } from '../kb-source.js';
import { prepareOutputFolder, refuseInputAsOutput } from '../output.js';
import type { Command } from '../main.js';
import { usageError } from '../main.js';
import { compiledRules } from '../rules-source.js';

export const guideCommand: Command = {
  name: 'guide',
  summary: 'generate localized guidance pages (HTML and markdown) from the knowledge base and rules',
  usage: 'kblint guide [--content dir…] [--locale nl,en] [--out site] [--kb kb.json] [--rules dir]',
  options: { ...kbOptions, rules: { type: 'string' }, locale: { type: 'string', default: 'nl,en' }, out: { type: 'string', short: 'o', default: 'site' } },
  help: { locale: 'comma-separated languages of the site: nl, en', out: 'output folder' },
  async run({ options, io }) {
    const started = performance.now();
    const locales = [...new Set(String(options.locale).split(',').map((l) => l.trim()))] as Locale[];
    for (const l of locales) if (!LOCALES.includes(l)) throw usageError(`--locale: expected a list of ${LOCALES.join(', ')}; got '${l}'`);
    const out = resolve(io.cwd, String(options.out));
    const rulesDir = typeof options.rules === 'string' ? resolve(io.cwd, options.rules) : BUNDLED_RULES;
    const localContent = resolve(io.cwd, 'content');
    const inputs = [...kbInputs(options, io), { path: rulesDir, folder: true }, ...(existsSync(localContent) ? [{ path: localContent, folder: true }] : [])];
    await refuseInputAsOutput(out, inputs, 'folder', io.cwd);
    await prepareOutputFolder(out, io.cwd);
    const kb = await loadKnowledgeBase(options, io);
    // --locale here lists the site's languages, not the one locale rules cite: rules cite the
    // knowledge base's default locale.
    const { locale: _siteLocales, ...ruleOptions } = options;
    const { compiled, stale } = await compiledRules(ruleOptions, io, kb);
    for (const s of stale) io.err(`warning: stale rule ${s.rule} left out: ${s.reason}\n`);
    // On a terminal, a counter that rewrites itself; in a log, nothing until the summary.
    let shown = 0;
    const progress = io.isTTY
      ? (done: number, total: number) => {
          if (done === total || done - shown >= 25) {
            shown = done;
            io.err(`\rguide: ${done}/${total} pages`);
            if (done === total) io.err('\n');
          }
        }
      : undefined;
    const files = await writeSite(kb, compiled, locales, out, { notCheckable: readNotCheckable(rulesDir), cwd: io.cwd, ...(progress ? { progress } : {}) });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const articles = new Set(kb.documents.map((d) => d.id)).size;
    io.out(`${String(options.out)}: ${files.length / 2} pages in ${locales.join(', ')} (HTML and markdown) from ${articles} ${articles === 1 ? 'article' : 'articles'} in ${seconds} s\n`);
    return 0;
  },
};
