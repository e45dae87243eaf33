#!/usr/bin/env node
/**
 * Join the unlabelled sample (test/gold/sample.jsonl) with the hand judgements
 * (test/gold/labels.tsv) into test/gold/gold.jsonl, the file the eval reads.
 *
 * labels.tsv: one line per item, `|`-separated: n | level | form (a = action, s = state) | claims | note.
 * The form may carry `@<lang>` (e.g. `s@fr`) where reading showed the sampler's language guess wrong
 * (French pages inside the Italian repository).
 * Claims are written short, `;`-separated:
 *   priv:local-admin|none   os:before|from|only:<version>:<name>   builtin   install:<value>
 *   act:<value>   net:required|not-required   port:80,443   restart:required|not-required|suppressed
 *   integrity   method:group-policy,script   order:<first>><then>   cmd:<command line>
 */
import { readFileSync, writeFileSync } from 'node:fs';

const dir = new URL('../test/gold/', import.meta.url);
const LEVELS = new Set(['must', 'must-not', 'should', 'should-not', 'may', 'info']);
const sample = new Map(
  readFileSync(new URL('sample.jsonl', dir), 'utf8').split('\n').filter(Boolean).map((l) => { const x = JSON.parse(l); return [x.n, x]; }),
);

function claim(spec, n) {
  const [kind, ...rest] = spec.split(':');
  const arg = rest.join(':');
  switch (kind) {
    case 'priv': return { kind: 'privilege', value: arg };
    case 'os': { const [bound, version, ...name] = arg.split(':'); return { kind: 'os', bound, version, name: name.join(':') }; }
    case 'builtin': return { kind: 'builtin', value: true };
    case 'install': return { kind: 'install', value: arg };
    case 'act': return { kind: 'activation', value: arg };
    case 'net': return { kind: 'network', value: arg };
    case 'port': return { kind: 'port', ports: arg.split(',').map(Number) };
    case 'restart': return { kind: 'restart', value: arg };
    case 'integrity': return { kind: 'integrity', value: 'verify' };
    case 'method': return { kind: 'method', values: arg.split(',') };
    case 'order': { const [first, then] = arg.split('>'); return { kind: 'order', first, then }; }
    case 'cmd': return { kind: 'command', line: arg };
    default: throw new Error(`labels.tsv #${n}: unknown claim ${spec}`);
  }
}

const out = [];
const seen = new Set();
for (const [i, line] of readFileSync(new URL('labels.tsv', dir), 'utf8').split('\n').entries()) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [nText, level, form, claims = '', ...noteParts] = line.split('|').map((f) => f.trim());
  const note = noteParts.join('|');
  const n = Number(nText);
  const x = sample.get(n);
  if (!x) throw new Error(`labels.tsv:${i + 1}: no sample item ${nText}`);
  if (!LEVELS.has(level)) throw new Error(`labels.tsv:${i + 1}: bad level ${level}`);
  const [formCode, langOverride] = form.split('@');
  if (formCode !== 'a' && formCode !== 's') throw new Error(`labels.tsv:${i + 1}: form must be a or s`);
  if (seen.has(n)) throw new Error(`labels.tsv:${i + 1}: item ${n} judged twice`);
  seen.add(n);
  out.push({
    n, file: x.file, line: x.line, locale: x.locale, lang: langOverride ?? x.lang, stratum: x.stratum, text: x.text,
    level, form: formCode === 'a' ? 'action' : 'state',
    claims: claims.trim() ? claims.split(';').map((c) => claim(c.trim(), n)) : [],
    note: note.trim(),
  });
}
out.sort((a, b) => a.n - b.n);
writeFileSync(new URL('gold.jsonl', dir), out.map((x) => JSON.stringify(x)).join('\n') + '\n');
console.log(`${out.length} judged of ${sample.size}`);
