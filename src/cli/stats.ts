// `storyline stats`: counts of articles, duplicates, raw inputs, outlets and languages.
import { EXIT_OK, openApp, parse, printJson, type Io } from './common.ts';

export const help = 'stats [--json]';

export async function run(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, {});
  const app = await openApp(io, values.db);
  try {
    const s = await app.store.stats();
    if (values.json) printJson(io, s);
    else {
      io.stdout(`articles ${s.articles} (${s.duplicates} duplicates), raw inputs ${s.raw}\n`);
      io.stdout('outlets: ' + s.outlets.map((o) => `${o.outlet ?? 'unknown'} ${o.articles}`).join(', ') + '\n');
      io.stdout('languages: ' + s.languages.map((l) => `${l.language ?? 'unknown'} ${l.articles}`).join(', ') + '\n');
    }
    return EXIT_OK;
  } finally {
    await app.close();
  }
}
