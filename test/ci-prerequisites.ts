import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * With CI set, what the end-to-end tests need must be there: a missing ../shared or Chromium
 * fails the run instead of letting its tests skip and the run pass.
 */
export default function ciPrerequisites(): void {
  if (!process.env.CI || process.env.CI === 'false') return;
  const missing: string[] = [];
  const shared = `${process.env.KBLINT_SHARED ?? fileURLToPath(new URL('../../shared/', import.meta.url))}corpus`;
  if (!existsSync(shared)) missing.push(`${shared} (the real corpus and artifacts)`);
  if (!existsSync('/usr/bin/chromium')) missing.push('/usr/bin/chromium (apt-get install chromium)');
  if (missing.length) throw new Error(`CI is set but the end-to-end tests lack: ${missing.join('; ')}`);
}
