// Personal collections of articles and stories: create, rename, make public or private, add and remove, export.
import type { AccountsStore } from './store.ts';
import type { Collection, CollectionItemType, User } from './model.ts';
import { COLLECTION_ITEMS } from './model.ts';
import type { Library } from './library.ts';
import { forbidden, invalid, notFound } from './errors.ts';
import { COLLECTION_NAME_MAX } from './policy.ts';
import * as v from './validate.ts';

export interface ResolvedItem {
  type: CollectionItemType;
  id: number;
  title: string | null;
  outlet: string | null;
  url: string | null;
  date: string | null;
  addedAt: string;
  /** False when the article or story no longer exists. */
  found: boolean;
}

export class CollectionService {
  constructor(private readonly sql: AccountsStore, private readonly library: Library, private readonly now: () => Date = () => new Date()) {}

  list(user: User): Promise<Collection[]> {
    return this.sql.collectionsOf(user.id);
  }

  async create(user: User, input: { name: unknown; isPublic?: unknown }): Promise<Collection> {
    const name = v.text(input.name, COLLECTION_NAME_MAX, 'name');
    const id = await this.sql.createCollection({ userId: user.id, name, isPublic: v.flag(input.isPublic), now: this.iso() });
    if (id === null) throw invalid('error.collectionExists', 'name');
    return (await this.sql.getCollection(id))!;
  }

  /** A collection the viewer may see: their own, or anyone's public one. Others' private ones do not exist for them. */
  async get(viewer: User | null, id: number): Promise<Collection> {
    const c = await this.sql.getCollection(id);
    if (!c || (!c.isPublic && c.userId !== viewer?.id)) throw notFound();
    return c;
  }

  async update(user: User, id: number, input: { name?: unknown; isPublic?: unknown }): Promise<Collection> {
    const c = await this.own(user, id);
    const name = input.name === undefined ? c.name : v.text(input.name, COLLECTION_NAME_MAX, 'name');
    const isPublic = input.isPublic === undefined ? c.isPublic : v.flag(input.isPublic);
    if (!(await this.sql.updateCollection(id, { name, isPublic }, this.iso()))) throw invalid('error.collectionExists', 'name');
    return (await this.sql.getCollection(id))!;
  }

  async delete(user: User, id: number): Promise<void> {
    await this.own(user, id);
    await this.sql.deleteCollection(id);
  }

  async add(user: User, id: number, type: unknown, itemId: unknown): Promise<void> {
    await this.own(user, id);
    const t = v.oneOf(type, COLLECTION_ITEMS, 'type');
    const item = v.positiveId(itemId, 'item');
    const exists = t === 'article' ? await this.library.article(item) : await this.library.story(item);
    if (!exists) throw notFound();
    await this.sql.addToCollection(id, t, item, this.iso());
  }

  async remove(user: User, id: number, type: unknown, itemId: unknown): Promise<void> {
    await this.own(user, id);
    await this.sql.removeFromCollection(id, v.oneOf(type, COLLECTION_ITEMS, 'type'), v.positiveId(itemId, 'item'), this.iso());
  }

  /** "Add to Collection" with a new collection's name: creates it (or finds it) and adds the item. */
  async addToNew(user: User, input: { name: unknown; isPublic?: unknown }, type: unknown, itemId: unknown): Promise<Collection> {
    const name = v.text(input.name, COLLECTION_NAME_MAX, 'name');
    const existing = (await this.sql.collectionsOf(user.id)).find((c) => c.name.toLowerCase() === name.toLowerCase());
    const c = existing ?? (await this.create(user, { name, isPublic: input.isPublic }));
    await this.add(user, c.id, type, itemId);
    return (await this.sql.getCollection(c.id))!;
  }

  /** The viewer's collections holding an item (to tick them in the "Add to Collection" box). */
  holding(user: User, type: CollectionItemType, itemId: number): Promise<number[]> {
    return this.sql.collectionsHolding(user.id, type, itemId);
  }

  async items(viewer: User | null, id: number): Promise<ResolvedItem[]> {
    await this.get(viewer, id);
    return Promise.all((await this.sql.collectionItems(id)).map(async (i) => {
      if (i.itemType === 'article') {
        const a = await this.library.article(i.itemId);
        return { type: i.itemType, id: i.itemId, title: a?.title ?? null, outlet: a?.outlet ?? null, url: a?.url ?? null, date: a?.date ?? null, addedAt: i.addedAt, found: !!a };
      }
      const s = await this.library.story(i.itemId);
      return { type: i.itemType, id: i.itemId, title: s?.title ?? null, outlet: null, url: null, date: s?.last ?? null, addedAt: i.addedAt, found: !!s };
    }));
  }

  /** The collection as a JSON document or a CSV table, with a file name for the download. */
  async export(viewer: User | null, id: number, format: unknown, siteUrl: string): Promise<{ filename: string; contentType: string; body: string }> {
    const fmt = v.oneOf(format, ['json', 'csv'] as const, 'format');
    const c = await this.get(viewer, id);
    // Both files name their fields in snake_case, as the JSON API does.
    const items = (await this.items(viewer, id)).map((i) => ({
      type: i.type, id: i.id, title: i.title, outlet: i.outlet, date: i.date, url: i.url,
      link: `${siteUrl}/${i.type === 'article' ? 'articles' : 'stories'}/${i.id}`, added_at: i.addedAt,
    }));
    const base = `collection-${c.id}`;
    if (fmt === 'json') {
      const doc = { name: c.name, owner: c.owner, public: c.isPublic, created_at: c.createdAt, updated_at: c.updatedAt, items };
      return { filename: `${base}.json`, contentType: 'application/json; charset=utf-8', body: JSON.stringify(doc, null, 2) + '\n' };
    }
    const header = ['type', 'id', 'title', 'outlet', 'date', 'url', 'link', 'added_at'];
    const rows = items.map((i) => [i.type, i.id, i.title, i.outlet, i.date, i.url, i.link, i.added_at]);
    return { filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: [header, ...rows].map(csvRow).join('\r\n') + '\r\n' };
  }

  private async own(user: User, id: number): Promise<Collection> {
    const c = await this.sql.getCollection(id);
    if (!c || (!c.isPublic && c.userId !== user.id)) throw notFound();
    if (c.userId !== user.id) throw forbidden();
    return c;
  }

  private iso(): string {
    return this.now().toISOString();
  }
}

/**
 * One RFC 4180 row. Cells that a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a
 * leading apostrophe (OWASP "CSV injection"); titles come from the web and collection names from readers.
 */
export function csvRow(cells: Array<string | number | null>): string {
  return cells.map((cell) => {
    let s = cell === null ? '' : String(cell);
    if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  }).join(',');
}
