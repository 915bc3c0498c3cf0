// Charset decoding and HTML sniffing: declared, detected and refused inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeBytes, looksLikeHtml } from '../../src/pipeline/fetch/encoding.ts';
import { StorylineError } from '../../src/lib/errors.ts';

const RU = 'Министр иностранных дел России заявил во вторник, что переговоры о поставках зерна продолжатся на следующей неделе.';
const AR = 'قال وزير الخارجية يوم الثلاثاء إن المحادثات بشأن صادرات الحبوب ستستمر الأسبوع المقبل في إسطنبول.';
const TR = "Dışişleri Bakanı salı günü yaptığı açıklamada, tahıl ihracatına ilişkin görüşmelerin önümüzdeki hafta İstanbul'da süreceğini söyledi.";
const FR = 'Le ministre des Affaires étrangères a déclaré mardi que les négociations sur les céréales se poursuivront à Istanbul.';

const page = (body: string, head = '') => `<!doctype html><html><head>${head}<title>t</title></head><body><p>${body}</p></body></html>`;

const decodeCases: Array<{ reason: string; bytes: Buffer; contentType: string | null; charset: string; contains: string }> = [
  { reason: 'plain UTF-8 without any declaration', bytes: Buffer.from(page(RU)), contentType: null, charset: 'utf-8', contains: RU },
  { reason: 'UTF-8 BOM wins over a wrong header', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page(TR))]), contentType: 'text/html; charset=windows-1251', charset: 'utf-8', contains: TR },
  { reason: 'UTF-16LE BOM (NUL-rich but text)', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(page(AR), 'utf-16le')]), contentType: null, charset: 'utf-16le', contains: AR },
  { reason: 'charset from the Content-Type header', bytes: iconv.encode(page(RU), 'koi8-r'), contentType: 'text/html; charset=KOI8-R', charset: 'koi8-r', contains: RU },
  { reason: 'quoted header charset', bytes: iconv.encode(page(AR), 'windows-1256'), contentType: 'text/html; charset="windows-1256"', charset: 'windows-1256', contains: AR },
  { reason: 'header beats a contradicting <meta>', bytes: iconv.encode(page(RU, '<meta charset="iso-8859-1">'), 'windows-1251'), contentType: 'text/html;charset=windows-1251', charset: 'windows-1251', contains: RU },
  { reason: '<meta charset> when the header has none', bytes: iconv.encode(page(RU, '<meta charset="windows-1251">'), 'windows-1251'), contentType: 'text/html', charset: 'windows-1251', contains: RU },
  { reason: 'http-equiv Content-Type meta', bytes: iconv.encode(page(AR, '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'), 'windows-1256'), contentType: null, charset: 'windows-1256', contains: AR },
  { reason: 'ISO-8859-9 label decodes as its superset windows-1254 (WHATWG)', bytes: iconv.encode(page(TR, '<meta charset="ISO-8859-9">'), 'iso-8859-9'), contentType: null, charset: 'windows-1254', contains: TR },
  { reason: 'XML declaration encoding (feeds)', bytes: iconv.encode(`<?xml version="1.0" encoding="windows-1251"?><rss><channel><title>${RU}</title></channel></rss>`, 'windows-1251'), contentType: 'application/rss+xml', charset: 'windows-1251', contains: RU },
  { reason: 'detection: undeclared windows-1251 Russian', bytes: iconv.encode(page(RU), 'windows-1251'), contentType: 'text/html', charset: 'windows-1251', contains: RU },
  { reason: 'detection: undeclared KOI8-R Russian', bytes: iconv.encode(page(RU), 'koi8-r'), contentType: null, charset: 'koi8-r', contains: RU },
  { reason: 'detection: undeclared windows-1256 Arabic', bytes: iconv.encode(page(AR), 'windows-1256'), contentType: null, charset: 'windows-1256', contains: AR },
  { reason: 'detection: undeclared ISO-8859-9 Turkish', bytes: iconv.encode(page(TR), 'iso-8859-9'), contentType: null, charset: 'windows-1254', contains: TR },
  { reason: 'detection: undeclared Latin-1 French, read as windows-1252', bytes: iconv.encode(page(FR), 'windows-1252'), contentType: null, charset: 'windows-1252', contains: FR },
  { reason: 'page mis-declared as UTF-8 is detected instead of filled with U+FFFD', bytes: iconv.encode(page(RU, '<meta charset="utf-8">'), 'windows-1251'), contentType: 'text/html; charset=utf-8', charset: 'windows-1251', contains: RU },
  { reason: 'stale <meta> on a page re-saved as UTF-8: the bytes win', bytes: Buffer.from(page(TR, '<meta charset="windows-1252">')), contentType: null, charset: 'utf-8', contains: TR },
  { reason: 'server default ISO-8859-1 header over UTF-8 bytes: the bytes win', bytes: Buffer.from(page(RU)), contentType: 'text/html; charset=ISO-8859-1', charset: 'utf-8', contains: RU },
  { reason: 'pure ASCII keeps its declared charset (decoding is identical)', bytes: Buffer.from(page('Plain words', '<meta charset="windows-1251">')), contentType: null, charset: 'windows-1251', contains: 'Plain words' },
  { reason: 'unknown declared label falls through to the UTF-8 check', bytes: Buffer.from(page(TR)), contentType: 'text/html; charset=x-made-up', charset: 'utf-8', contains: TR },
];

for (const c of decodeCases) {
  test(`decodeBytes: ${c.reason}`, () => {
    const got = decodeBytes(c.bytes, c.contentType);
    assert.equal(got.charset, c.charset);
    assert.ok(got.text.includes(c.contains), `decoded text lacks the expected sentence: ${got.text.slice(0, 120)}`);
    assert.ok(!got.text.includes('\uFEFF'), 'BOM must not survive decoding');
  });
}

const binaryCases: Array<{ reason: string; bytes: Buffer }> = [
  { reason: 'NUL bytes', bytes: Buffer.from([0x3c, 0x70, 0x3e, 0x00, 0x01, 0x41, 0x42]) },
  { reason: 'PNG signature', bytes: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR')]) },
  { reason: 'PDF header', bytes: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj', 'latin1') },
  { reason: 'many control bytes, no NUL', bytes: Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 5 === 0 ? 0x02 : 0x61))) },
];

for (const c of binaryCases) {
  test(`decodeBytes refuses binary: ${c.reason}`, () => {
    assert.throws(() => decodeBytes(c.bytes, null), (err: unknown) => err instanceof StorylineError && err.code === 'binary_input');
  });
}

const htmlCases: Array<{ reason: string; text: string; html: boolean }> = [
  { reason: 'doctype', text: '<!DOCTYPE html><title>x</title>', html: true },
  { reason: '<html> after a comment', text: '<!-- saved page -->\n<html lang="en"><body>x</body></html>', html: true },
  { reason: 'fragment opening with <p>', text: '  <p>First paragraph.</p><p>Second.</p>', html: true },
  { reason: 'fragment opening with <div>', text: '<div class="story">Body</div>', html: true },
  { reason: 'plain-text capture with page chrome', text: 'Home | World | Sport\nMinister says talks continue\n\nGENEVA, Jan 9 — Talks resumed on Tuesday.', html: false },
  { reason: 'prose quoting one tag is still text', text: 'Use the <p> element for paragraphs, the manual said.', html: false },
  { reason: 'plain text with an email in angle brackets', text: 'Contact: Jane Doe <jane@example.org>\n\nThe report follows.', html: false },
];

for (const c of htmlCases) {
  test(`looksLikeHtml: ${c.reason}`, () => {
    assert.equal(looksLikeHtml(c.text), c.html);
  });
}
