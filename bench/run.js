// @ts-check
// `npm run bench [-- --json]`: speed figures as ratios against baselines measured in this same run.
import { hasCorpus, loadCorpus, CORPUS } from './corpus.js';
import { benchArtifacts } from './artifacts.js';
import { benchBuild } from './build.js';
import { benchColdStart } from './cold.js';
import { benchLint } from './lint.js';
import { benchParse } from './parse.js';

const json = process.argv.includes('--json');
const figures = {};
const log = (s) => process.stderr.write(`${s}\n`);

// First: a cold start is a fresh process on an otherwise idle machine; after the corpus and 100k
// benchmarks their worker processes and the page cache they churned weigh on the first runs.
Object.assign(figures, benchColdStart());
log(`kblint check examples/violating.yaml, fresh process, median of ${figures.checkExampleRuns}: ${figures.checkExampleColdMs} ms wall, ${figures.checkExampleColdCpuMs} ms CPU (target <= 300 ms); node -e 0: ${figures.nodeBaselineMs} ms wall, ${figures.nodeBaselineCpuMs} ms CPU; load average ${figures.coldLoadAverage}`);

if (!hasCorpus()) {
  log(`bench: ${CORPUS} is absent; the corpus benchmarks need ../shared beside the project.`);
} else {
  const docs = await loadCorpus();
  log(`corpus: ${docs.length} files, ${(docs.reduce((n, d) => n + d.bytes, 0) / 1048576).toFixed(1)} MiB`);
  Object.assign(figures, await benchParse(docs));
  log(`parse: ${figures.parseDocsPerSecond} docs/s, ${figures.parseMBPerSecond} MB/s; bare remark ${figures.remarkMs} ms, kblint parse ${figures.parseMs} ms, ratio ${figures.parseVsRemark} (target <= 1.3)`);
  Object.assign(figures, await benchBuild());
  log(`build: ${figures.buildFiles} files; bare remark ${figures.buildRemarkMs} ms, cold build ${figures.buildColdMs} ms (ratio ${figures.buildVsRemark}, target <= 1.0), warm rebuild after one edit ${figures.buildWarmMs} ms (${figures.warmVsCold} of cold, target <= 0.1)`);
}

Object.assign(figures, benchLint());
log(`lint (KB: ${figures.lintKb}; load average ${figures.lintLoadAverage}): ${figures.lintRules} rules, ${figures.lintRuleInstances} instances (the bundled article alone: ${figures.lintSeedRuleInstances} instances, ${figures.lintSeedFindings} findings, ratio ${figures.lintVsAjvSeed})`);
log(`  ${figures.lintTargets} computers × all instances, ${figures.lintFindings} findings: ${figures.lintMs} ms against ${figures.lintFloorMs} ms for the check schemas alone (lintVsAjv ${figures.lintVsAjv}, target <= 2), ${figures.lintTargetsPerSecond} targets/s`);
log(`  in process: KB read ${figures.lintKbReadMs} ms, rules compiled ${figures.lintCompileMs} ms, 100k manifest read ${figures.lint100kReadMs} ms; peak ${figures.lint100kPeakMB} MB`);
log(`  end to end, kblint check of the 100k manifest: ${figures.lint100kCheckMs} ms wall, ${figures.lint100kCheckCpuMs} ms CPU (target < 2000; the 7-computer example with the same KB: ${figures.lintSmallCheckMs} ms, ${figures.lintSmallCheckCpuMs} ms CPU): ${figures.lint100kCheckSummary}`);
log(`lint worst case (every group violates, ${figures.lintWorstFindings} findings): ratio ${figures.lintVsAjvWorst}`);

Object.assign(figures, benchArtifacts());
log(`inventory: 1,000,000 rows in ${figures.inventory1MSeconds} s (${figures.inventoryRowsPerSecond} rows/s); peak memory ${figures.inventory100kPeakMB} MB at 100k rows, ${figures.inventory1MPeakMB} MB at 1M rows`);
log(`Registry.pol with 500 settings parsed and firewall evaluated in ${figures.gpo500SettingsMs} ms`);

if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
