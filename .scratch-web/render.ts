import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config/options.ts';
import { storyPage } from '../src/web/templates/story.ts';
import { translator } from '../src/web/i18n/index.ts';
const app = await createApp(loadConfig({}, { db: process.argv[2], databaseUrl: '' }));
const story = (await app.stories.get(1))!;
const ctx = { t: translator('en'), here: '/stories/1', assets: { css: '', js: '', icon: '' }, outletSlugs: new Map<string, string>() };
for (let i = 0; i < 3; i++) { const t = performance.now(); const p = storyPage(ctx, { story, page: 1, personSlugs: new Map() }); console.log((performance.now() - t).toFixed(1), 'ms', p.value.length); }
const page = storyPage(ctx, { story, page: 1, personSlugs: new Map() }).value;
for (const id of ['timeline', 'quotes', 'entities', 'coverage', 'articles']) { const a = page.indexOf(`<section id="${id}"`); const rest = page.slice(a + 10); const b = rest.search(/<section id="/); console.log(id, b < 0 ? rest.length : b); }
console.log('timeline entries', story.timeline.length, 'speakers', story.whoSaidWhat.length, 'articles', story.articles.length);
await app.close();
const app2 = await createApp(loadConfig({}, { db: process.argv[2], databaseUrl: '' }));
const st = (await app2.stories.get(1))!;
const pg = storyPage(ctx, { story: st, page: 1, personSlugs: new Map() }).value;
const a = pg.indexOf('<li id="ev-5"'); console.log(pg.slice(a, a + 1500));
const m = pg.indexOf('<a href="#ev-5"'); console.log(pg.slice(m, m + 600));
await app2.close();
