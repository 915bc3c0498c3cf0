// Entry point: parse the command name and hand the rest to its module under cli/.
import { StorylineError, errorMessage } from './lib/errors.ts';
import { EXIT_USAGE, EXIT_SOME_FAILED, processIo, type Io } from './cli/common.ts';
import * as ingest from './cli/ingest.ts';
import * as articles from './cli/articles.ts';
import * as search from './cli/search.ts';
import * as reprocess from './cli/reprocess.ts';
import * as exporter from './cli/export.ts';
import * as stats from './cli/stats.ts';
import * as evaluate from './cli/eval.ts';
import * as demo from './cli/demo.ts';
import * as stories from './cli/stories.ts';
import * as serve from './cli/serve.ts';
import * as users from './accounts/cli.ts';

type Command = { run: (args: string[], io: Io) => Promise<number>; help: string };

const COMMANDS: Record<string, Command> = {
  ingest,
  articles,
  article: { run: articles.runOne, help: articles.helpOne },
  search,
  reprocess,
  export: exporter,
  stats,
  stories,
  story: { run: stories.runOne, help: stories.helpOne },
  eval: evaluate,
  serve,
  users,
  demo,
};

function usage(): string {
  return 'usage: storyline <command> [options]\n\ncommands:\n' +
    Object.values(COMMANDS).map((c) => `  ${c.help}`).join('\n') +
    '\n\ncommon options: --db FILE (or STORYLINE_DB), --json, --help\nexit codes: 0 all succeeded, 1 some items failed, 2 usage error\n';
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : EXIT_USAGE;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`error: unknown command '${name}'\n\n${usage()}`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`usage: storyline ${command.help}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof StorylineError && err.code === 'usage') {
      io.stderr(`error: ${err.message}\nusage: storyline ${command.help}\n`);
      return EXIT_USAGE;
    }
    io.stderr(`error: ${errorMessage(err)}\n`);
    return EXIT_SOME_FAILED;
  }
}
