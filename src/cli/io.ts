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

/**
 * A stream whose reader went away (`kblint coverage | head`) is written no more: the EPIPE is
 * swallowed instead of ending the run with a stack trace, and the command finishes with its own
 * exit code, so a pipeline under `set -o pipefail` still sees findings.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): (s: string) => void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') closed = true;
    else throw e;
  });
  return (s) => {
    if (!closed) stream.write(s);
  };
}

let out: ((s: string) => void) | undefined;
let err: ((s: string) => void) | undefined;

export const processIO: CliIO = {
  out: (s) => (out ??= quietOnClosedPipe(process.stdout))(s),
  err: (s) => (err ??= quietOnClosedPipe(process.stderr))(s),
  isTTY: Boolean(process.stdout.isTTY) && !process.env.CI && !process.env.NO_COLOR,
  cwd: process.cwd(),
  env: process.env,
  readStdin: readProcessStdin,
};
