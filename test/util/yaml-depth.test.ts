import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadYaml } from '../../src/util/yaml.js';
import { PROJECT } from '../shared.js';

const formatted = (text: string, file: string): string => {
  try {
    loadYaml(text, file);
  } catch (e) {
    return (e as { format(): string }).format();
  }
  return 'loaded';
};

const block = (levels: number) => `name: x\ngroups:\n${Array.from({ length: levels }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')}\n`;
const TOO_DEEP = 'mappings and lists nested more than 64 levels deep; kblint reads at most 64';

/**
 * A manifest nested thousands deep overflowed the yaml parser's stack, reported as "not valid YAML:
 * Maximum call stack size exceeded". The depth is measured before parsing, and the error says the
 * limit and where it was passed.
 */
describe('nesting depth of YAML and JSON configuration files', () => {
  it.each([
    ['3,000 nested flow sequences', `name: x\ngroups: ${'['.repeat(3000)}${']'.repeat(3000)}\n`, `deep.yaml:2:72: ${TOO_DEEP}`],
    ['3,000 nested JSON arrays in objects', `{"name": "x", "groups": ${'[{"a": '.repeat(1500)}1${'}]'.repeat(1500)}}`, `deep.json:1:242: ${TOO_DEEP}`],
    ['2,000 block sequences by indentation', `name: x\ngroups:\n${Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}-`).join('\n')}\n`, `deep.yaml:67:129: ${TOO_DEEP}`],
    ['100 block mappings by indentation', block(100), `deep.yaml:66:129: ${TOO_DEEP}`],
    ['2,000 compact sequences on one line', `groups:\n  ${'- '.repeat(2000)}x\n`, `deep.yaml:2:127: ${TOO_DEEP}`],
    ['flow nesting under block nesting', `${block(40)}${'  '.repeat(41)}v: ${'['.repeat(30)}${']'.repeat(30)}\n`, `deep.yaml:43:108: ${TOO_DEEP}`],
  ])('%s: refused with the limit, file and line', (_, text, message) => {
    const file = message.slice(0, message.indexOf(':'));
    expect(formatted(text, file)).toBe(message);
  });

  it.each([
    ['63 levels of block mappings', block(62)],
    ['brackets in quoted and plain scalars', `a: "${'['.repeat(500)}"\nb: '${'{'.repeat(500)}'\nc: x${'['.repeat(500)}\nd: [ "]]]", '[[[' ]\n`],
    ['a block scalar indented deeper and deeper', `script: |\n${Array.from({ length: 200 }, (_, i) => `  ${' '.repeat(i)}line ${i}`).join('\n')}\nafter: 1\n`],
    ['brackets after a comment', `a: 1 # ${'['.repeat(500)}\n`],
    ['a multi-line quoted scalar', `a: "first\n${'  - '.repeat(100)}\n  last"\n`],
  ])('%s loads', (_, text) => {
    expect(formatted(text, 'ok.yaml')).toBe('loaded');
  });

  it.each(['examples/fleet.yaml', 'examples/artifacts/rollout.yaml', 'rules/windows-update-needs-local-admin.yaml'])('the project’s %s loads', (path) => {
    expect(formatted(readFileSync(`${PROJECT}${path}`, 'utf8'), path)).toBe('loaded');
  });
});
