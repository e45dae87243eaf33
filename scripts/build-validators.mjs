// Run by `npm run build` after tsc: what `kblint check` would otherwise redo at every start.
// - the JSON Schemas kblint ships as ajv standalone code (dist/validators/<name>.cjs);
// - the knowledge base of the bundled articles (dist/prebuilt/kb.json, with the hash of the
//   articles and the parser/extractor code it was built from; used only while that hash holds);
// - the bundled rules' applies/check/where schemas, bound to that knowledge base, as standalone
//   code (dist/validators/rule-<kind>.cjs, each validator filed under its schema's exact text).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, sep } from 'node:path';
import { Ajv } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { SCHEMA_AJV_OPTIONS, schemaHash, schemaText } from '../dist/util/schema-validator.js';
import { buildKnowledgeBase } from '../dist/kb/build.js';
import { contentHash, PACKAGE_ROOT, PREBUILT_KB } from '../dist/kb/prebuilt.js';
import { BUNDLED_RULES, compileRules, loadRules } from '../dist/lint/rules.js';
import { PREBUILT_RULES, rulesHash } from '../dist/lint/prebuilt-rules.js';
import { compiledRuleSchemas, precompiledRuleSchemas, RULE_SCHEMA_KINDS, ruleAjv } from '../dist/lint/compile.js';
import { BUNDLED_CONTENT } from '../dist/cli/kb-source.js';

const standaloneCode = standaloneModule.default ?? standaloneModule;
const out = new URL('../dist/validators/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const name of ['rollout', 'rule', 'kb']) {
  const text = schemaText(name);
  const ajv = new Ajv({ ...SCHEMA_AJV_OPTIONS, code: { source: true } });
  const code = standaloneCode(ajv, ajv.compile(JSON.parse(text)));
  writeFileSync(new URL(`${name}.cjs`, out), `${code}\nmodule.exports.schemaHash = ${JSON.stringify(schemaHash(text))};\n`);
}

// The bundled articles' knowledge base, built from the package root as `kblint check` run there would.
rmSync(PREBUILT_KB, { force: true });
const built = await buildKnowledgeBase([BUNDLED_CONTENT], { cwd: PACKAGE_ROOT });
if (built.problems.length) {
  process.stderr.write(`build: the bundled content does not build, so kblint check will build it at every run: ${built.problems[0].message}\n`);
  process.exit(0);
}
mkdirSync(dirname(PREBUILT_KB), { recursive: true });
const dir = relative(PACKAGE_ROOT, BUNDLED_CONTENT).split(sep).join('/');
writeFileSync(PREBUILT_KB, JSON.stringify({ dir, contentHash: await contentHash(BUNDLED_CONTENT), kb: built.kb }));

// The bundled rules as loaded, then compiled against that knowledge base as check does.
rmSync(PREBUILT_RULES, { force: true });
const rules = await loadRules(BUNDLED_RULES);
writeFileSync(PREBUILT_RULES, JSON.stringify({ hash: await rulesHash(BUNDLED_RULES), rules: rules.map((r) => ({ name: basename(r.file), spec: r.spec })) }));
compileRules(rules, built.kb);
const all = compiledRuleSchemas();
for (const kind of RULE_SCHEMA_KINDS) {
  const these = all.filter((s) => s.kind === kind && !(s.schema && typeof s.schema === 'object' && '$id' in s.schema));
  const ajv = ruleAjv(kind, { code: { source: true } });
  these.forEach((s, i) => ajv.addSchema(s.schema, `s${i}`));
  const code = these.length ? standaloneCode(ajv, Object.fromEntries(these.map((_, i) => [`v${i}`, `s${i}`]))) : '"use strict";';
  writeFileSync(precompiledRuleSchemas(kind), `${code}\nmodule.exports.keys = ${JSON.stringify(these.map((s) => s.key))};\n`);
}
