// The `copydesk` command line: check, report, style, lsp. Exit 0 clean, 1 findings, 2 usage or configuration error.
import { runCheck, UsageError } from './cli/check.js';
import { runReport } from './cli/report.js';
import { runStyle } from './cli/style.js';

const HELP = `copydesk — a newsroom copy desk for drafts: names, quotes and house style

Usage:
  copydesk check [paths or globs...] [--style FILE] [--format text|json] [--fail-on error|warning|info|none]
  copydesk check ... --format sarif | --fix | --jobs N
  copydesk report [paths...] [--format html|md|json] [--out FILE] [--theme light|dark|auto]
  copydesk style test [copydesk.yaml] [--against GLOB]   run the house style's pattern examples; rates on published copy
  copydesk style import PATH [--out FILE]   convert Vale rules, prh dictionaries, wrong,right,note CSV to copydesk.yaml
  copydesk lsp --stdio                      run the language server (for VS Code, Neovim, Emacs)
  copydesk --help | --version

check:
  paths      files, folders (drafts *.md *.markdown *.txt *.news below them) or globs; default "."
  --style    house style file; default: the nearest copydesk.yaml above the working folder, else the built-in default
  --format   text (default, eslint-stylish), json (the contract in README.md) or sarif (SARIF 2.1.0)
  --fix      apply every preferred fix (atomic writes; unchanged files are not touched) and report what changed
  --jobs     worker threads (default: all cores; small runs use one)
  --fail-on  lowest severity that makes the exit code 1 (default error); none: always 0 unless usage error
`;

type Command = (argv: string[]) => Promise<number>;

const commands: Record<string, Command> = {
  check: (argv) => runCheck(argv),
  report: (argv) => runReport(argv),
  style: (argv) => runStyle(argv),
  lsp: async () => {
    const { startServerProcess } = await import('./server.js');
    startServerProcess();
    return -1;
  },
};

export function registerCommand(name: string, fn: Command): void {
  commands[name] = fn;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(HELP);
    return cmd ? 0 : 2;
  }
  if (cmd === '--version' || cmd === '-v') {
    process.stdout.write(`${require('../../package.json').version}\n`);
    return 0;
  }
  const fn = commands[cmd];
  if (!fn) throw new UsageError(`unknown command "${cmd}" (try copydesk --help)`);
  return fn(rest);
}

if (require.main === module || process.argv[1]?.endsWith('copydesk.js')) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exitCode = code;
    },
    (e: unknown) => {
      const usage = e instanceof UsageError || (e as { code?: string })?.code?.startsWith?.('ERR_PARSE_ARGS');
      process.stderr.write(`copydesk: ${(e as Error).message}\n`);
      if (!usage) process.stderr.write(`${(e as Error).stack ?? ''}\n`);
      process.exitCode = 2;
    },
  );
}
