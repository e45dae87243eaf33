/** Where the CLI writes; tests pass their own to capture output. */
export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Whether stdout is a terminal (colours, progress). */
  isTTY: boolean;
  cwd: string;
}

export const processIO: CliIO = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY) && !process.env.CI && !process.env.NO_COLOR,
  cwd: process.cwd(),
};
