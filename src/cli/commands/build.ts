import { resolve } from 'node:path';
import { buildKnowledgeBase, writeKnowledgeBase } from '../../kb/index.js';
import { markdownFiles } from '../../util/files.js';
import type { Command } from '../main.js';
import { usageError } from '../main.js';
import { prepareOutputFile, refuseInputAsOutput } from '../output.js';

export const buildCommand: Command = {
  name: 'build',
  summary: 'build the knowledge base (kb.json) from content folders',
  usage: 'kblint build [content-dir…] [--out kb.json] [--keep-going] [--no-cache] [--cache-dir .kblint-cache] [--jobs N]',
  options: {
    out: { type: 'string', short: 'o', default: 'kb.json' },
    'keep-going': { type: 'boolean' },
    'no-cache': { type: 'boolean' },
    'cache-dir': { type: 'string', default: '.kblint-cache' },
    jobs: { type: 'string', short: 'j' },
    verbose: { type: 'boolean' },
  },
  help: {
    out: 'where to write the knowledge base',
    'keep-going': 'write the knowledge base even when some articles are broken (they are still reported)',
    'no-cache': 'rebuild every article',
    'cache-dir': 'per-article cache folder',
    jobs: 'worker threads (default: the number of cores)',
    verbose: 'print parser warnings',
  },
  async run({ positionals, options, io }) {
    const inputs = (positionals.length ? positionals : ['content']).map((p) => resolve(io.cwd, p));
    const progress = io.isTTY
      ? (done: number, total: number) => {
          if (total >= 50) io.err(`\rbuilding ${done}/${total}`);
        }
      : undefined;
    const jobs = options.jobs === undefined ? undefined : Number(options.jobs);
    if (jobs !== undefined && !(Number.isInteger(jobs) && jobs > 0)) throw usageError(`--jobs: expected a positive whole number; got '${String(options.jobs)}'`);
    const out = resolve(io.cwd, String(options.out));
    const articles = (await Promise.all(inputs.map((i) => markdownFiles(i)))).flat();
    await refuseInputAsOutput(out, articles.map((path) => ({ path })), 'file', io.cwd);
    await prepareOutputFile(out, io.cwd);
    const result = await buildKnowledgeBase(inputs, {
      cwd: io.cwd,
      ...(options['no-cache'] ? {} : { cacheDir: resolve(io.cwd, String(options['cache-dir'])) }),
      ...(jobs && jobs > 0 ? { workers: jobs } : {}),
      ...(progress ? { onProgress: progress } : {}),
    });
    if (progress) io.err('\r\x1b[K');
    if (options.verbose) for (const w of result.warnings) io.err(`warning: ${w}\n`);
    for (const p of result.problems) io.err(`error: ${p.message}\n`);
    const { kb, stats } = result;
    if (result.problems.length && !options['keep-going']) {
      io.err(`${result.problems.length} article(s) failed; kb not written (use --keep-going to write the rest)\n`);
      return 2;
    }
    await writeKnowledgeBase(out, kb);
    io.out(
      `${String(options.out)}: ${kb.documents.length} documents, ${kb.requirements.length} requirements, ` +
        `${kb.links.resolved.length} resolved and ${kb.links.unresolved.length} unresolved article links ` +
        `(${stats.built} built, ${stats.cached} from cache${result.problems.length ? `, ${result.problems.length} failed` : ''})\n`,
    );
    return 0;
  },
};
