import { ruleText } from '../lint/messages.js';
import type { Finding } from '../lint/types.js';
import type { Formatter } from './types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** A path as a SARIF artifact URI: forward slashes, spaces and the like percent-encoded. */
const uri = (file: string) => encodeURI(file.replace(/\\/g, '/'));

/**
 * SARIF 2.1.0: the config location in `locations`, the documentation passage the rule enforces
 * in `relatedLocations`, waived findings with an external suppression and its justification.
 */
export const sarif: Formatter = (result, ctx) => {
  const index = new Map(ctx.rules.map((r, i) => [r.spec.id, i]));
  const rules = ctx.rules.map((r) => ({
    id: r.spec.id,
    shortDescription: { text: ruleText(r, 'description', ctx.locale, {}) },
    fullDescription: { text: `${ruleText(r, 'description', ctx.locale, {})} — "${r.requirement.quote}"` },
    help: { text: `${ruleText(r, 'fix', ctx.locale, { target: '…', group: '…', os: '…' })}\n${r.requirement.source.file}:${r.requirement.source.line}: ${r.requirement.quote}` },
    defaultConfiguration: { level: LEVEL[r.spec.severity] },
    properties: { requirement: r.requirement.id, requirementHash: r.requirement.hash, documentLocale: r.requirement.locale },
  }));
  const results = result.findings.map((f: Finding) => {
    const out: Record<string, unknown> = {
      ruleId: f.rule,
      ruleIndex: index.get(f.rule) ?? -1,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: uri(f.location.file) },
            region: { startLine: f.location.line, startColumn: f.location.column },
          },
          logicalLocations: [{ name: f.target, kind: 'object', fullyQualifiedName: `${f.group}/${f.target}` }],
        },
      ],
      relatedLocations: [
        {
          id: 1,
          message: { text: f.requirement.quote },
          physicalLocation: {
            artifactLocation: { uri: uri(f.requirement.source.file) },
            region: { startLine: f.requirement.source.line, startColumn: f.requirement.source.column, snippet: { text: f.requirement.quote } },
          },
        },
      ],
      properties: { target: f.target, group: f.group, requirement: f.requirement.id, fix: f.fix },
    };
    if (f.suppressed) out.suppressions = [{ kind: 'external', status: 'accepted', justification: `${f.suppressed.reason} (until ${f.suppressed.expires})` }];
    return out;
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'kblint', version: ctx.version, informationUri: 'https://github.com/kblint/kblint', rules } },
        results,
        invocations: [
          {
            executionSuccessful: result.stale.length === 0,
            toolExecutionNotifications: result.stale.map((s) => ({ level: 'error', message: { text: `stale rule ${s.rule}: ${s.reason}` } })),
          },
        ],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
