// Measures charset handling on real pages: stale declarations over UTF-8 bytes, and detection of legacy encodings.
//
// Usage: node --import tsx test/fetch/measure-charsets.ts ../shared/eval/pubdate-dev/html ../shared/eval/zyte-dev/html
//
// Detection is measured by re-encoding each page into the legacy encodings its script was
// historically published in, removing its charset declarations, and checking that decodeBytes
// gives back exactly the re-encoded text (a Polish page read as windows-1250 instead of
// ISO-8859-2 counts as wrong: their letters sit at different bytes).
import iconv from 'iconv-lite';
import { expandInputs, isInputFailure } from '../../src/pipeline/fetch/sources.ts';
import { decodeBytes } from '../../src/pipeline/fetch/encoding.ts';

/** Legacy encodings a page in each script realistically came in. */
const SCRIPT_ENCODINGS: Record<string, string[]> = {
  Latin: ['windows-1252', 'windows-1254', 'windows-1250', 'iso-8859-2'],
  Cyrillic: ['windows-1251', 'koi8-r'],
  Arabic: ['windows-1256'],
  Greek: ['iso-8859-7'],
  Han: ['gbk'],
  Hiragana: ['shift_jis'],
  Katakana: ['shift_jis'],
  Hangul: ['euc-kr'],
};
/** Letters a re-encoding may lose (rare symbols) before the page no longer fits the encoding. */
const MAX_LOST_LETTERS = 0.005;
/** Pages with fewer non-ASCII letters say nothing about detection. */
const MIN_LETTERS = 20;

const scriptTests = Object.keys(SCRIPT_ENCODINGS).map((name) => ({ name, re: new RegExp(`\\p{Script=${name}}`, 'u') }));

function majorityScript(letters: string[]): string | null {
  const counts = new Map<string, number>();
  for (const c of letters) for (const s of scriptTests) if (s.re.test(c)) counts.set(s.name, (counts.get(s.name) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

function withoutDeclarations(html: string): string {
  return html
    .replace(/(<meta[^>]*?)charset\s*=\s*["']?[\w.:-]+/gi, '$1')
    .replace(/(<\?xml[^>]*?)encoding\s*=\s*["'][\w.:-]+["']/i, '$1');
}

async function main(folders: string[]): Promise<void> {
  let pages = 0, declared = 0, staleDeclarations = 0;
  const perEncoding = new Map<string, { pages: number; right: number }>();
  const misses: string[] = [];

  for await (const item of expandInputs(folders)) {
    if (isInputFailure(item)) continue;
    pages++;
    const { text, charset } = decodeBytes(item.bytes, item.contentType);
    const head = item.bytes.subarray(0, 4096).toString('latin1');
    const decl = head.match(/<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i)?.[1];
    if (decl) {
      declared++;
      if (!/^utf-?8$/i.test(decl) && charset === 'utf-8') staleDeclarations++;
    }

    const clean = withoutDeclarations(text);
    const letters = [...clean].filter((c) => c.charCodeAt(0) > 127 && /\p{L}/u.test(c));
    const script = letters.length >= MIN_LETTERS ? majorityScript(letters) : null;
    for (const enc of script ? SCRIPT_ENCODINGS[script] : []) {
      const bytes = iconv.encode(clean, enc);
      const expected = iconv.decode(bytes, enc);
      const lost = letters.filter((c) => !expected.includes(c)).length;
      if (lost / letters.length > MAX_LOST_LETTERS) continue;
      const got = decodeBytes(bytes, 'text/html');
      const row = perEncoding.get(enc) ?? { pages: 0, right: 0 };
      row.pages++;
      if (got.text === expected) row.right++;
      else misses.push(`${item.input}: ${enc} read as ${got.charset}`);
      perEncoding.set(enc, row);
    }
  }

  console.log(`pages ${pages}; with a <meta> charset ${declared}; legacy <meta> over UTF-8 bytes ${staleDeclarations}`);
  let total = 0, right = 0;
  for (const [enc, row] of [...perEncoding].sort()) {
    total += row.pages;
    right += row.right;
    console.log(`${enc.padEnd(14)} ${row.right}/${row.pages}`);
  }
  console.log(`detection without declarations: ${right}/${total}`);
  for (const m of misses) console.log(`  miss ${m}`);
}

await main(process.argv.slice(2));
