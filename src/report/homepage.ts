import { readFileSync } from 'node:fs';

/** The parts of package.json that say where a package lives. */
export interface PackageLinks {
  homepage?: unknown;
  repository?: unknown;
}

/** `git+https://github.com/o/r.git`, `git://…`, `git@github.com:o/r.git`, `github:o/r` or `o/r` → `https://github.com/o/r`. */
function repositoryWebUrl(repository: unknown): string | undefined {
  const raw = typeof repository === 'string' ? repository : (repository as { url?: unknown } | undefined)?.url;
  if (typeof raw !== 'string') return undefined;
  const url = raw.trim();
  const shorthand = /^(?:github:)?([\w.-]+)\/([\w.-]+)$/.exec(url);
  if (shorthand) return `https://github.com/${shorthand[1]}/${shorthand[2]!.replace(/\.git$/, '')}`;
  const scp = /^git@([\w.-]+):([\w./-]+?)(?:\.git)?$/.exec(url);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  const web = /^(?:git\+)?(?:https?|git|ssh):\/\/(?:[^@/]+@)?([^/]+)\/(.+?)(?:\.git)?\/?$/.exec(url);
  return web ? `https://${web[1]}/${web[2]}` : undefined;
}

/**
 * kblint's web address as its package.json states it: `homepage`, else `repository` as a web
 * address; undefined when it names neither, so that no report links to a guessed address.
 */
export function packageHomepage(pkg: PackageLinks): string | undefined {
  if (typeof pkg.homepage === 'string' && /^https?:\/\//i.test(pkg.homepage.trim())) return pkg.homepage.trim();
  return repositoryWebUrl(pkg.repository);
}

let own: string | undefined | null = null;

/** `packageHomepage` of kblint's own package.json. */
export function kblintHomepage(): string | undefined {
  if (own === null) own = packageHomepage(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as PackageLinks);
  return own;
}
