/** Examples shown at the end of each command's `--help`: what people type first. */
export const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  check: [
    'kblint check examples/violating.yaml',
    'kblint check rollouts/*.yaml --format github --format sarif:kblint.sarif --format markdown',
    'kblint check rollout.yaml --format codequality:gl-code-quality-report.json --format junit:kblint-junit.xml',
    'cat rollout.yaml | kblint check - --quiet',
    'kblint check inventory.csv --gpo "GPO backups/{5F1C2A77-…}" --locale nl',
  ],
  build: ['kblint build --out kb.json', 'kblint build content/nl-nl --out kb.json --keep-going'],
  coverage: ['kblint coverage', 'kblint coverage --kb kb.json --json'],
  explain: ['kblint explain windows-update-needs-local-admin', 'kblint explain pre-vista-needs-activation --locale nl'],
  guide: ['kblint guide --locale nl,en --out site'],
  show: ['kblint show 4b8dd930/windows-update-gebruiken/privilege', 'kblint show 4b8dd930-4105-4e73-918c-12d2b05d5fb5 --json'],
  diff: ['kblint diff old/kb.json kb.json', 'kblint diff old/kb.json kb.json --json'],
  drift: ['kblint drift --kb kb.json'],
  parse: ['kblint parse content/nl-nl/18113913.md', 'kblint parse content --json'],
};
