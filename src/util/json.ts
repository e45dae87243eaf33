import { readFileSync } from 'node:fs';

/** A JSON file shipped with the package (schemas), found relative to this module in src/ and dist/. */
export function packageJson<T>(relativeToPackageRoot: string): T {
  return JSON.parse(readFileSync(new URL(`../../${relativeToPackageRoot}`, import.meta.url), 'utf8')) as T;
}
