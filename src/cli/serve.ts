// `storyline serve`: the web app and JSON API; an empty store is first filled with the bundled samples.
import type { App } from '../app.ts';
import { buildServer } from '../web/server.ts';
import { SAMPLES_DIR } from './demo.ts';
import { EXIT_OK, openApp, parse, parseId, usageError, type Io } from './common.ts';

export const help = 'serve [--port 8080] [--host 127.0.0.1] [--public-url URL] [--db FILE]   run the web app and JSON API (samples loaded into an empty store)';

export interface ServeOptions {
  port: number;
  host: string;
  /** Base URL readers reach the site at, for feeds and share links; defaults to the listening address. */
  publicUrl?: string;
}

/** Serves until `signal` aborts, then stops taking requests and finishes the ones in flight. */
export async function serve(app: App, opts: ServeOptions, io: Io, signal: AbortSignal): Promise<void> {
  const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  const server = buildServer(app, { publicUrl: opts.publicUrl ?? `http://${host}:${opts.port}` });
  const address = await server.listen({ port: opts.port, host: opts.host });
  io.stdout(`Storyline is serving at ${address}/ (JSON API: ${address}/api/v1/openapi.json); Ctrl-C stops it\n`);
  if (!signal.aborted) await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  await server.close();
}

export async function run(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { port: { type: 'string' }, host: { type: 'string' }, 'public-url': { type: 'string' } });
  // The address readers use (links in e-mail, feeds): the flag, else STORYLINE_PUBLIC_URL, else the listening address.
  const publicUrl = values['public-url'] ?? (io.env.STORYLINE_PUBLIC_URL || undefined);
  const from = values['public-url'] !== undefined ? '--public-url' : 'STORYLINE_PUBLIC_URL';
  if (publicUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(publicUrl)) usageError(`${from} must be an http(s) URL, got '${publicUrl}'`);
  const app = await openApp(io, values.db);
  try {
    const port = values.port === '0' ? 0 : values.port ? parseId(values.port, '--port') : app.config.port;
    if (port > 65535) usageError(`--port must be at most 65535, got ${port}`);
    if ((await app.store.countArticles()) === 0) {
      const report = await app.ingest.ingest([SAMPLES_DIR]);
      io.stderr(`the store was empty: ingested ${report.ingested} sample articles into ${app.config.db}\n`);
    }
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      await serve(app, { port, host: values.host ?? app.config.host, publicUrl }, io, stop.signal);
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    return EXIT_OK;
  } finally {
    await app.close();
  }
}
