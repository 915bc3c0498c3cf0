// `storyline serve`: the web app and JSON API; an empty store is first filled with the bundled samples.
import { buildServer } from '../web/server.ts';
import { SAMPLES_DIR } from './demo.ts';
import { EXIT_OK, openApp, parse, parseId, type Io } from './common.ts';

export const help = 'serve [--port 8080] [--host 127.0.0.1] [--public-url URL] [--db FILE]   run the web app and JSON API';

export async function run(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { port: { type: 'string' }, host: { type: 'string' }, 'public-url': { type: 'string' } });
  const app = await openApp(io, values.db);
  const port = values.port === '0' ? 0 : values.port ? parseId(values.port, '--port') : app.config.port;
  const host = values.host ?? app.config.host;
  if ((await app.store.countArticles()) === 0) {
    const report = await app.ingest.ingest([SAMPLES_DIR]);
    io.stderr(`the store was empty: ingested ${report.ingested} sample articles into ${app.config.db}\n`);
  }
  const server = buildServer(app, { publicUrl: values['public-url'] ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}` });
  const address = await server.listen({ port, host });
  io.stdout(`Storyline is serving at ${address}/ (JSON API at ${address}/api/v1/openapi.json); Ctrl-C stops it\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await app.close();
  return EXIT_OK;
}
