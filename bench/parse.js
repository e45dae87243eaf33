// @ts-check
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseString } from '../dist/parse/index.js';
import { median } from './corpus.js';

/** Our parser against the bare remark + GFM + front matter parse of the same files, same process. */
export async function benchParse(docs) {
  const bare = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter);
  const bytes = docs.reduce((n, d) => n + d.bytes, 0);
  const remarkMs = await median(() => {
    for (const d of docs) bare.parse(d.text);
  });
  const parseMs = await median(() => {
    for (const d of docs) parseString(d.text, d.file);
  });
  return {
    parseDocsPerSecond: Math.round((docs.length / parseMs) * 1000),
    parseMBPerSecond: +((bytes / 1048576 / parseMs) * 1000).toFixed(2),
    remarkMs: Math.round(remarkMs),
    parseMs: Math.round(parseMs),
    parseVsRemark: +(parseMs / remarkMs).toFixed(3),
  };
}
