/** Where the CLI writes; tests pass their own to capture output. */
export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Whether stdout is a terminal (colours, progress). */
  isTTY: boolean;
  cwd: string;
  /** Environment (`GITHUB_STEP_SUMMARY`, `FORCE_COLOR`, `NO_COLOR`); default process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Standard input as text, for `kblint check -`. */
  readStdin?: () => Promise<string>;
}

/** Standard input, read up to just past 16 MiB (the manifest limit, so the caller can refuse more). */
async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    size += (chunk as Buffer).length;
    if (size > 16 * 1024 * 1024) break;
  }
  return Buffer.concat(chunks).toString('utf8');
}

export const processIO: CliIO = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY) && !process.env.CI && !process.env.NO_COLOR,
  cwd: process.cwd(),
  env: process.env,
  readStdin: readProcessStdin,
};
