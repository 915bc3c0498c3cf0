// Read-side helpers the pages share: cached facets (outlets, languages), cached story views, person-slug lookup.
import type { App } from '../app.ts';
import type { StoryView } from '../services/stories.ts';
import type { EntitySummary, StoreStats } from '../storage/store.ts';
import { slugify } from '../lib/slug.ts';

/**
 * How long the outlet and language lists are reused. They feed filter menus and slug lookups; a new outlet
 * showing up a few seconds late is fine, and counting 100k articles per page view is not.
 */
export const FACETS_TTL_MS = 30_000;
/** Assembled stories kept in memory; each is keyed by its row's updatedAt, so any change makes a fresh one. */
export const STORY_CACHE_SIZE = 32;
/**
 * Bytes of rendered page parts kept (a story page's sections, the same for every reader; the frame around them is
 * made per request). A 1,000-article story's are about 400 KiB and take tens of milliseconds to render; keeping
 * them until the story changes makes repeat views cost a lookup. 32 MiB holds ~80 such stories.
 */
export const PAGE_CACHE_BYTES = 32 * 1024 * 1024;

export interface OutletFacet { name: string; slug: string; articles: number }
export interface Facets { outlets: OutletFacet[]; languages: Array<{ code: string; articles: number }> }

/** Rendered pages by key, each valid while the objects it was rendered from are the same ones (by identity). */
export class PageCache {
  private readonly pages = new Map<string, { deps: readonly unknown[]; html: string }>();
  private bytes = 0;

  constructor(private readonly maxBytes = PAGE_CACHE_BYTES) {}

  get(key: string, deps: readonly unknown[]): string | undefined {
    const hit = this.pages.get(key);
    if (!hit || hit.deps.length !== deps.length || hit.deps.some((d, i) => d !== deps[i])) return undefined;
    this.pages.delete(key);
    this.pages.set(key, hit);
    return hit.html;
  }

  set(key: string, deps: readonly unknown[], html: string): void {
    const old = this.pages.get(key);
    if (old) { this.bytes -= old.html.length; this.pages.delete(key); }
    if (html.length > this.maxBytes) return;
    this.pages.set(key, { deps, html });
    this.bytes += html.length;
    for (const [k, v] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.pages.delete(k);
      this.bytes -= v.html.length;
    }
  }
}

export class SiteData {
  readonly pages = new PageCache();
  private facets: { at: number; value: Promise<Facets> } | null = null;
  private readonly stories = new Map<number, { updatedAt: string; view: Promise<StoryView | null> }>();

  constructor(readonly app: App, private readonly now: () => number = Date.now) {}

  getFacets(): Promise<Facets> {
    if (!this.facets || this.now() - this.facets.at > FACETS_TTL_MS) {
      const value = this.app.store.stats().then(toFacets);
      this.facets = { at: this.now(), value };
      value.catch(() => { this.facets = null; });
    }
    return this.facets.value;
  }

  async outletBySlug(slug: string): Promise<OutletFacet | null> {
    return (await this.getFacets()).outlets.find((o) => o.slug === slug) ?? null;
  }

  /** The story view, assembled once per change of the story. */
  async story(id: number): Promise<StoryView | null> {
    const row = await this.app.store.getStory(id);
    if (!row) return null;
    const hit = this.stories.get(id);
    if (hit && hit.updatedAt === row.updatedAt) {
      // Refresh its place in the LRU order.
      this.stories.delete(id);
      this.stories.set(id, hit);
      return hit.view;
    }
    const view = this.app.stories.get(id);
    this.stories.set(id, { updatedAt: row.updatedAt, view });
    view.catch(() => this.stories.delete(id));
    while (this.stories.size > STORY_CACHE_SIZE) this.stories.delete(this.stories.keys().next().value as number);
    return view;
  }

  /** Page slugs of entities known by key, read in one store call; a key the store does not know gets no link. */
  async slugs(type: EntitySummary['type'], entities: Array<{ key: string | null; name: string }>): Promise<Map<string, string>> {
    const keys = entities.flatMap((e) => (e.key?.startsWith(`${type}:`) ? [e.key] : []));
    if (keys.length === 0) return new Map();
    const found = await this.app.store.getEntitiesByKeys(keys);
    return new Map(found.filter((e) => e.type === type).map((e) => [e.key, e.slug]));
  }
}

function toFacets(s: StoreStats): Facets {
  // Two outlet names that slug alike ("RIA" and "Ria") get distinct slugs, assigned in name order so a
  // change in article counts never moves a slug to another outlet.
  const slugOf = new Map<string, string>();
  const taken = new Set<string>();
  for (const name of s.outlets.map((o) => o.outlet).filter((o): o is string => Boolean(o)).sort()) {
    const base = slugify(name) || 'outlet';
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    slugOf.set(name, slug);
  }
  return {
    outlets: s.outlets.filter((o): o is { outlet: string; articles: number } => Boolean(o.outlet))
      .map((o) => ({ name: o.outlet, slug: slugOf.get(o.outlet)!, articles: o.articles })),
    languages: s.languages.filter((l): l is { language: string; articles: number } => Boolean(l.language))
      .map((l) => ({ code: l.language, articles: l.articles })),
  };
}
