import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ruleText } from '../lint/messages.js';
import type { CompiledRule } from '../lint/types.js';
import type { Location } from '../rollout/types.js';
import { safeJson } from './escape.js';
import { computersLine, groupFindings, type FindingGroup } from './group.js';
import { kblintHomepage } from './homepage.js';
import type { Formatter, ReportContext } from './types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** GitHub code scanning refuses a run with more results than this. */
export const SARIF_RESULT_LIMIT = 25_000;
/** How many computer names a result carries in its properties; JSON has them all. */
const TARGETS_IN_PROPERTIES = 100;
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The two places file URIs are relative to: the checkout (config) and kblint's own files (articles). */
const SRCROOT = 'SRCROOT';
const KBLINT = 'KBLINT';

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/** A relative path as a URI reference: each segment percent-encoded (`#`, `?`, `%`, spaces…), `/` between. */
const relativeUri = (path: string) => path.split(sep).join('/').split('/').map(encodeURIComponent).join('/');

function inside(root: string, path: string): string | undefined {
  const rel = relative(root, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : undefined;
}

/** A file as a SARIF artifact location: relative to the checkout or kblint's package, else an absolute file URI. */
function artifact(file: string, cwd: string): ArtifactLocation {
  // A Windows path as written (`dir\r.yaml`) is the same file as with slashes.
  const path = resolve(cwd, file.replace(/\\/g, '/'));
  const inCheckout = inside(cwd, path);
  if (inCheckout !== undefined) return { uri: relativeUri(inCheckout), uriBaseId: SRCROOT };
  const inPackage = inside(PACKAGE_ROOT, path);
  if (inPackage !== undefined) return { uri: relativeUri(inPackage), uriBaseId: KBLINT };
  return { uri: pathToFileURL(path).href };
}

const folderUri = (dir: string) => {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
};

/** `clusters-reachable-on-documented-ports` → `ClustersReachableOnDocumentedPorts` (SARIF's friendly rule name). */
const friendlyName = (id: string) => id.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, __, c: string) => c.toUpperCase());

/** Where a group points: a line and column in a text file, or a byte offset and entry name in a binary one. */
function physical(location: Location, cwd: string) {
  const region = location.byteOffset !== undefined ? { byteOffset: location.byteOffset } : { startLine: location.line, startColumn: location.column };
  return { artifactLocation: artifact(location.file, cwd), region };
}

/**
 * A fingerprint that survives lines moving: rule, file, deciding entry and the rollout groups.
 * Two results of one run with the same one are told apart by their order (`:2`, `:3`).
 */
function fingerprints(groups: FindingGroup[], cwd: string): string[] {
  const seen = new Map<string, number>();
  return groups.map((g) => {
    const at = artifact(g.location.file, cwd);
    const basis = [g.rule, at.uriBaseId ?? '', at.uri, g.location.logicalName ?? '', [...g.groups].sort().join(','), g.suppressed ? 'waived' : ''].join('\0');
    const hash = createHash('sha256').update(basis).digest('hex').slice(0, 32);
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    return `${hash}:${n}`;
  });
}

function ruleDescriptor(r: CompiledRule, ctx: ReportContext, cwd: string) {
  const description = ruleText(r, 'description', ctx.locale, {});
  const source = artifact(r.requirement.source.file, cwd);
  return {
    id: r.spec.id,
    name: friendlyName(r.spec.id),
    shortDescription: { text: description },
    fullDescription: { text: `${description} "${r.requirement.quote}"` },
    // The article the rule cites, as its front matter gives it; none when it gives none.
    ...(ctx.documentUrls?.[r.requirement.doc] ? { helpUri: ctx.documentUrls[r.requirement.doc] } : {}),
    help: { text: `${ruleText(r, 'fix', ctx.locale, { target: '…', group: '…', os: '…' })}\n${r.requirement.source.file}:${r.requirement.source.line}: ${r.requirement.quote}` },
    defaultConfiguration: { level: LEVEL[r.spec.severity] },
    properties: { requirement: r.requirement.id, requirementHash: r.requirement.hash, documentLocale: r.requirement.locale, documentUri: source.uri },
  };
}

/**
 * SARIF 2.1.0 as GitHub code scanning takes it: one result per rule and config location (the
 * computers it concerns counted and sampled in its message and properties), at most 25,000
 * results (else one per rule and file), relative URIs under `SRCROOT` (the checkout) or `KBLINT`
 * (kblint's articles), a fingerprint per result, rules with a friendly name and help link, the
 * documentation passage in `relatedLocations`, a Registry.pol entry by byte offset and name.
 */
export const sarif: Formatter = (result, ctx) => {
  const cwd = ctx.cwd ?? process.cwd();
  const index = new Map(ctx.rules.map((r, i) => [r.spec.id, i]));
  let groups = groupFindings(result.findings, ctx.locale);
  const notifications = result.stale.map((s) => ({ level: 'error', message: { text: `Stale rule ${s.rule}: ${s.reason}` } }));
  if (groups.length > SARIF_RESULT_LIMIT) {
    groups = groupFindings(result.findings, ctx.locale, 'file');
    notifications.push({ level: 'note', message: { text: `More than ${SARIF_RESULT_LIMIT} locations: results are grouped by rule and file; the JSON format lists every computer.` } });
  }
  if (groups.length > SARIF_RESULT_LIMIT) {
    notifications.push({ level: 'warning', message: { text: `${groups.length - SARIF_RESULT_LIMIT} results left out (GitHub takes at most ${SARIF_RESULT_LIMIT} a run); the JSON format lists every finding.` } });
    groups = groups.slice(0, SARIF_RESULT_LIMIT);
  }
  const prints = fingerprints(groups, cwd);
  const results = groups.map((g, i) => {
    const location: Record<string, unknown> = { physicalLocation: physical(g.location, cwd) };
    if (g.location.logicalName) location.logicalLocations = [{ name: g.location.logicalName.split('\\').at(-1), fullyQualifiedName: g.location.logicalName, kind: 'value' }];
    const text = g.targets.length > 1 ? `${g.message} ${computersLine(g, ctx.locale)}.` : g.message;
    const out: Record<string, unknown> = {
      ruleId: g.rule,
      ruleIndex: index.get(g.rule) ?? -1,
      level: LEVEL[g.severity],
      message: { text },
      locations: [location],
      relatedLocations: [
        {
          id: 1,
          message: { text: g.requirement.quote },
          physicalLocation: {
            artifactLocation: artifact(g.requirement.source.file, cwd),
            region: { startLine: g.requirement.source.line, startColumn: g.requirement.source.column, snippet: { text: g.requirement.quote } },
          },
        },
      ],
      partialFingerprints: { 'kblintFinding/v1': prints[i] },
      properties: {
        targetCount: g.targets.length,
        targets: g.targets.slice(0, TARGETS_IN_PROPERTIES),
        groups: g.groups,
        requirement: g.requirement.id,
        fix: g.fix,
        ...(g.location.detail ? { detail: g.location.detail } : {}),
      },
    };
    if (g.suppressed) out.suppressions = [{ kind: 'external', status: 'accepted', justification: `${g.suppressed.reason} (until ${g.suppressed.expires})` }];
    return out;
  });
  const homepage = kblintHomepage();
  const log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'kblint', version: ctx.version, semanticVersion: ctx.version, ...(homepage ? { informationUri: homepage } : {}), rules: ctx.rules.map((r) => ruleDescriptor(r, ctx, cwd)) } },
        originalUriBaseIds: {
          [SRCROOT]: { uri: folderUri(cwd), description: { text: 'The working folder kblint ran in (the checkout).' } },
          [KBLINT]: { uri: folderUri(PACKAGE_ROOT), description: { text: "kblint's own files: the articles rules cite." } },
        },
        results,
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: result.stale.length === 0, toolExecutionNotifications: notifications }],
      },
    ],
  };
  return `${safeJson(JSON.stringify(log, null, 2))}\n`;
};
