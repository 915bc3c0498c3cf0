// Reprocess use case: re-run extraction and dedup over every kept raw document after an improvement.
import type { RawDocument } from '../domain/article.ts';
import type { Store } from '../storage/store.ts';
import type { IngestService } from './ingest.ts';
import type { StoryService } from './stories.ts';
import { processDocument } from '../pipeline/run.ts';
import { errorMessage } from '../lib/errors.ts';

export interface ReprocessReport {
  processed: number;
  changed: number;
  failed: Array<{ input: string; error: string }>;
}

export class ReprocessService {
  constructor(private readonly store: Store, private readonly ingest: IngestService, private readonly stories?: StoryService) {}

  async reprocessAll(onItem?: (done: number, total: number) => void): Promise<ReprocessReport> {
    const report: ReprocessReport = { processed: 0, changed: 0, failed: [] };
    const ids = await this.store.listRawIds();
    for (const [i, rawId] of ids.entries()) {
      const stored = await this.store.getRaw(rawId);
      if (!stored) continue;
      const raw: RawDocument = {
        input: stored.input, url: stored.url, bytes: stored.bytes, contentType: stored.contentType,
        fetchedAt: stored.fetchedAt, feed: stored.feed ?? undefined,
      };
      try {
        const existing = await this.store.getArticleByRawId(rawId);
        const extracted = processDocument(raw);
        const fields = await this.ingest.identify(raw, extracted, existing?.id ?? null);
        const article = await this.store.transaction(async () => {
          if (existing) {
            const before = JSON.stringify(existing);
            const after = await this.store.updateArticle(existing.id, fields);
            if (JSON.stringify(after) !== before) report.changed++;
            return after;
          }
          report.changed++;
          return (await this.store.insertArticle(rawId, fields)).article;
        });
        await this.stories?.reanalyze(article);
        report.processed++;
      } catch (err) {
        report.failed.push({ input: stored.input, error: `${stored.input}: ${errorMessage(err)}` });
      }
      onItem?.(i + 1, ids.length);
    }
    await this.stories?.flush();
    return report;
  }
}
