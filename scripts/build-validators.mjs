// Precompile the JSON Schemas kblint ships (ajv standalone code) into dist/validators/<name>.cjs,
// so `kblint check` compiles no schema when it starts. Run by `npm run build` after tsc.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { SCHEMA_AJV_OPTIONS, schemaHash, schemaText } from '../dist/util/schema-validator.js';

const standaloneCode = standaloneModule.default ?? standaloneModule;
const out = new URL('../dist/validators/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const name of ['rollout', 'rule', 'kb']) {
  const text = schemaText(name);
  const ajv = new Ajv({ ...SCHEMA_AJV_OPTIONS, code: { source: true } });
  const code = standaloneCode(ajv, ajv.compile(JSON.parse(text)));
  writeFileSync(new URL(`${name}.cjs`, out), `${code}\nmodule.exports.schemaHash = ${JSON.stringify(schemaHash(text))};\n`);
}
