import { checkCommand } from './checkCommand.js';
import { newCommand } from './newCommand.js';
import { typesCommand } from './typesCommand.js';

const USAGE = `Usage: datapass <command>

  check [dir] [--json]    Load and check every definition of dir (default: definitions), or one folder.
                          Exit 1 when any issue is found.
  new <id> [--name …] [--provider …] [--dir definitions]
                          Scaffold a definition folder that passes check, from the worked example.
  types [dir] [--check]   Generate types.ts for each definition (--check: fail if one is out of date).
`;

/** Run the CLI with its arguments; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'check':
      return checkCommand(args);
    case 'new':
      return newCommand(args);
    case 'types':
      return typesCommand(args);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`datapass: unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}
