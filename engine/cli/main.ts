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

/** A command the engine does not hold, given by the composition root (bin/datapass.js): `preview` renders PDFs. */
export interface ExtraCommand {
  usage: string;
  run(args: string[]): Promise<number>;
}

/** Run the CLI with its arguments; resolves to the exit code. */
export async function main(argv: string[], extra: Record<string, ExtraCommand> = {}): Promise<number> {
  const [command, ...args] = argv;
  const usage = USAGE + Object.values(extra).map((c) => c.usage + '\n').join('');
  if (command !== undefined && Object.hasOwn(extra, command)) return extra[command]!.run(args);
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
      process.stdout.write(usage);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`datapass: unknown command "${command}".\n\n${usage}`);
      return 2;
  }
}
