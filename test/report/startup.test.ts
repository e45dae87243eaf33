import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT } from '../shared.js';

/**
 * What `npm run build` prepares so that `kblint check` starts fast (dist/prebuilt, dist/validators),
 * tested on the built modules that use it: the same answers as doing the work at run time, and no
 * answer once what it was made from changed. The speed itself is measured in bench/cold.js.
 */
const dist = (path: string) => import(`${PROJECT}dist/${path}`);
const { buildKnowledgeBase } = (await dist('kb/build.js')) as typeof import('../../src/kb/build.js');
const { contentHash, prebuiltKnowledgeBase, PREBUILT_KB } = (await dist('kb/prebuilt.js')) as typeof import('../../src/kb/prebuilt.js');
const { loadRules, BUNDLED_RULES } = (await dist('lint/rules.js')) as typeof import('../../src/lint/rules.js');
const { prebuiltRules } = (await dist('lint/prebuilt-rules.js')) as typeof import('../../src/lint/prebuilt-rules.js');
const { BUNDLED_CONTENT } = (await dist('cli/kb-source.js')) as typeof import('../../src/cli/kb-source.js');
const tmp = () => mkdtempSync(join(tmpdir(), 'kblint-startup-'));

describe('the prebuilt knowledge base of the bundled articles', () => {
  it('is what building gives, seen from the package root, a folder beside it, one inside it and one elsewhere', async () => {
    expect(existsSync(PREBUILT_KB)).toBe(true);
    for (const cwd of [PROJECT, join(PROJECT, 'examples'), dirname(PROJECT.replace(/\/$/, '')), tmp()]) {
      const built = await buildKnowledgeBase([BUNDLED_CONTENT], { cwd });
      expect(built.problems).toEqual([]);
      expect(await prebuiltKnowledgeBase(BUNDLED_CONTENT, cwd)).toEqual(built.kb);
    }
  });

  it('shows the article at the path the build shows: relative inside the package, else absolute', async () => {
    expect((await prebuiltKnowledgeBase(BUNDLED_CONTENT, PROJECT))!.documents.map((d) => d.file)).toEqual(['content/nl-nl/18113913.md']);
    expect((await prebuiltKnowledgeBase(BUNDLED_CONTENT, join(PROJECT, 'examples')))!.requirements[0]!.source.file).toBe(`${PROJECT}content/nl-nl/18113913.md`);
  });

  it('is not used from inside the content folder (paths there mix relative and absolute): the caller builds', async () => {
    expect(await prebuiltKnowledgeBase(BUNDLED_CONTENT, join(BUNDLED_CONTENT, 'nl-nl'))).toBeUndefined();
  });

  it('is used only for the folder it was built from, and not after an article changed by one byte', async () => {
    const dir = join(tmp(), 'content');
    cpSync(BUNDLED_CONTENT, dir, { recursive: true });
    const { kb } = await buildKnowledgeBase([dir], { cwd: PROJECT });
    const file = join(tmp(), 'kb.json');
    writeFileSync(file, JSON.stringify({ dir: relative(PROJECT, dir), contentHash: await contentHash(dir), kb }));
    expect(await prebuiltKnowledgeBase(dir, PROJECT, file)).toEqual(kb);
    expect(await prebuiltKnowledgeBase(BUNDLED_CONTENT, PROJECT, file)).toBeUndefined();
    const article = join(dir, 'nl-nl', '18113913.md');
    writeFileSync(article, readFileSync(article, 'utf8').replace('RMS-client', 'RMS-Client'));
    expect(await prebuiltKnowledgeBase(dir, PROJECT, file)).toBeUndefined();
  });

  it('changes its hash when an article is added, renamed or edited', async () => {
    const dir = join(tmp(), 'content');
    cpSync(BUNDLED_CONTENT, dir, { recursive: true });
    const hashes = [await contentHash(dir)];
    cpSync(join(dir, 'nl-nl', '18113913.md'), join(dir, 'nl-nl', 'copy.md'));
    hashes.push(await contentHash(dir));
    cpSync(join(dir, 'nl-nl', 'copy.md'), join(dir, 'nl-nl', 'kopie.md'));
    writeFileSync(join(dir, 'nl-nl', 'copy.md'), '');
    hashes.push(await contentHash(dir));
    expect(new Set(hashes).size).toBe(3);
    expect(await contentHash(BUNDLED_CONTENT)).toBe(hashes[0]);
  });
});

describe('the prebuilt bundled rules', () => {
  it('are what loading the rules folder gives', async () => {
    expect(await prebuiltRules(BUNDLED_RULES)).toEqual(await loadRules(BUNDLED_RULES));
  });

  it('stand for a copy with the same bytes, and not after one rule file changed', async () => {
    const dir = join(tmp(), 'rules');
    cpSync(BUNDLED_RULES, dir, { recursive: true });
    expect(await prebuiltRules(dir)).toEqual(await loadRules(dir));
    const file = join(dir, 'script-installs-quietly.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n# edited\n`);
    expect(await prebuiltRules(dir)).toBeUndefined();
  });
});

/** Modules a fresh `kblint <args>` process loads (ESM through a loader hook, CommonJS from require.cache). */
function loadedModules(args: string[]): string[] {
  const hooks = `export async function load(url, context, next) { if (url.startsWith('file:')) process.stderr.write('module ' + url + '\\n'); return next(url, context); }`;
  const preload = [
    `import { register, createRequire } from 'node:module';`,
    `register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hooks)}));`,
    `process.on('exit', () => { for (const f of Object.keys(createRequire(${JSON.stringify(`${PROJECT}package.json`)}).cache)) process.stderr.write('module file://' + f + '\\n'); });`,
  ].join('\n');
  const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(preload)}`, `${PROJECT}dist/cli/bin.js`, ...args], { cwd: PROJECT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(1);
  return [...r.stderr.matchAll(/^module file:\/\/(.*)$/gm)].map((m) => m[1]!);
}

describe('kblint check examples/violating.yaml (the README first run)', () => {
  const modules = loadedModules(['check', 'examples/violating.yaml']);
  // ajv's standalone code needs two small runtime helpers (ajv/dist/runtime/*), not ajv itself.
  const packages = new Set(modules.filter((m) => !m.includes('/node_modules/ajv/dist/runtime/')).flatMap((m) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(m)?.[1] ?? []));

  it('loads kblint and its rule schemas from dist', () => {
    expect(modules.some((m) => m.endsWith('/dist/cli/commands/check.js'))).toBe(true);
    expect(modules.filter((m) => /\/dist\/validators\/rule-(applies|check)\.cjs$/.test(m))).toHaveLength(2);
  });

  it('loads no markdown parser, no schema compiler and no guide: npm run build did that work', () => {
    expect([...packages].filter((p) => /^(unified|remark-|micromark|mdast-|gray-matter|ajv$|hast|hastscript)/.test(p))).toEqual([]);
    const own = modules.filter((m) => m.startsWith(`${PROJECT}dist/`)).map((m) => m.slice(PROJECT.length));
    expect(own.filter((m) => /^dist\/(guide\/|parse\/|kb\/(build|article|pool)\.js|extract\/(extract|claims|lexicons))/.test(m))).toEqual([]);
  });
});

describe('kblint check --format html', () => {
  it("renders the report with the shared page shell and the report's own messages, none of the guide's catalog or pages", () => {
    const out = join(tmp(), 'report-en.html');
    const own = loadedModules(['check', 'examples/violating.yaml', '--format', `html:${out}`])
      .filter((m) => m.startsWith(`${PROJECT}dist/`))
      .map((m) => m.slice(PROJECT.length));
    expect(readFileSync(out, 'utf8')).toContain('<h1>kblint report: examples/violating.yaml</h1>');
    expect(own).toContain('dist/report/html.js');
    expect(own.filter((m) => m.startsWith('dist/guide/')).sort()).toEqual(['dist/guide/files.js', 'dist/guide/highlight.js', 'dist/guide/page.js']);
  });
});
