// Plain-text capture extraction: line kinds per language, chrome removal, header fields and repetition evidence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LineEvidence } from '../../src/pipeline/contracts.ts';
import { lineKey, splitLines } from '../../src/lib/lines.ts';
import { classify, type Kind } from '../../src/pipeline/extract/text-classify.ts';
import { extractPlainText } from '../../src/pipeline/extract/text.ts';

function kindOf(line: string): Kind {
  return classify(splitLines(line)[0]).kind;
}

const KINDS: Array<[line: string, kind: Kind, reason: string]> = [
  ['Share on Facebook', 'chrome', 'en share prompt'],
  ['- Share on VK', 'chrome', 'bulleted share prompt'],
  ['56 Points', 'chrome', 'vote counter'],
  ['Upvote Downvote', 'chrome', 'vote widget'],
  ['Follow RT onRT', 'chrome', 'follow prompt glued to a logo'],
  ['Forgot password?', 'chrome', 'login box'],
  ["Don't have an account? Register", 'chrome', 'registration prompt'],
  ['By continuing to use the site, you agree to the use of cookies. more information', 'chrome', 'cookie notice'],
  ['All news', 'chrome', 'navigation link'],
  ['Back to top button', 'chrome', 'navigation link'],
  ['Related Articles', 'barrier', 'opens a list of other articles'],
  ['Trending News', 'barrier', 'heading of a teaser list'],
  ['World', 'section', 'section label'],
  ['فارسی افغانستان العربیة English Türkçe', 'chrome', 'language menu'],
  ['14:10, 16 February', 'date', 'date line without a year'],
  ['2022-January-13  19:46', 'date', 'date line with a spelled month'],
  ['Updated 1:39 am EST, Wednesday, November 20, 2019', 'date', 'date line with a label'],
  ['By Jane Doe', 'byline', 'byline'],
  ['Photo: Jane Doe, AP', 'chrome', 'photo credit'],
  ['A cyclist rides past a closed fuel plant on Tuesday. © Example / Jane Doe', 'caption', 'caption with a credit'],
  ['Поделиться в Telegram', 'chrome', 'ru share prompt'],
  ['Забыли пароль?', 'chrome', 'ru login box'],
  ['Читайте также', 'barrier', 'ru related heading'],
  ['Мы используем файлы cookie, чтобы сайт работал лучше', 'chrome', 'ru cookie notice'],
  ['تسجيل الدخول', 'chrome', 'ar login'],
  ['شارك على فيسبوك', 'chrome', 'ar share prompt'],
  ['اقرأ أيضا', 'barrier', 'ar related heading'],
  ['ورود', 'chrome', 'fa login'],
  ['اشتراک گذاری', 'chrome', 'fa share'],
  ['بیشتر بخوانید', 'barrier', 'fa related heading'],
  ['İlgili Haberler', 'barrier', 'tr related heading (dotted capital I)'],
  ['Şifremi unuttum', 'chrome', 'tr login box'],
  ['Sitemizde çerezler kullanılmaktadır, siteyi kullanarak çerez politikamızı kabul edersiniz.', 'chrome', 'tr cookie notice'],
  ['The ministry said the talks would resume next week in Geneva, according to a statement.', 'prose', 'a paragraph'],
  ['A spokeswoman declined to comment.', 'sentence', 'a short sentence'],
  ['Russia suggests how US could seal a security deal', 'short', 'a headline without a full stop'],
];

for (const [line, kind, reason] of KINDS) {
  test(`line kind: ${reason}`, () => assert.equal(kindOf(line), kind, line));
}

const P1 = 'The foreign ministry said on Monday that the next round of talks would take place in Vienna, officials confirmed.';
const P2 = 'Delegations from both sides are expected to arrive on Wednesday evening, and the agenda has not been published yet.';
const P3 = 'Analysts said the meeting was unlikely to produce an agreement, but that both sides wanted to keep the channel open.';
const P4 = 'The ministry added that written proposals had been handed over last month and that it was still waiting for answers.';

const EN_CAPTURE = [
  'Example News - Talks to resume in Vienna next week',
  'Home', 'World', 'Politics', 'Log In', '',
  'World', '',
  'Talks to resume in Vienna next week', '',
  '09:15, 3 March', '',
  'By Jane Doe', '',
  `VIENNA, March 3. /EXA/. ${P1}`, '',
  '- Share on Facebook', '- Share on Twitter', '',
  P2, '',
  'Another article headline about something else entirely', '',
  'Web Search Engine', '',
  P3, '',
  P4, '',
  'Related Articles', '',
  'Ministers meet in Brussels to discuss energy prices this winter', '',
  'A new survey shows that commuters are spending more time on trains than five years ago.', '',
  'Leave your vote', '', '56 Points', 'Upvote Downvote', '',
  'Forgot password?', '', 'Enter your account data and we will send you a link to reset your password.', '',
  'This website uses cookies to improve your experience. By continuing to use the site you accept our cookie policy.',
].join('\n');

test('extractPlainText: English capture keeps the story and drops chrome around and inside it', () => {
  const x = extractPlainText(EN_CAPTURE);
  assert.equal(x.text, [P1, P2, P3, P4].join('\n\n'));
  assert.equal(x.title, 'Talks to resume in Vienna next week');
  assert.equal(x.dateLine, '09:15, 3 March');
  assert.equal(x.byline, 'Jane Doe');
  assert.equal(x.section, 'World');
});

const STANDFIRST = 'The ministry expects little progress, a senior diplomat said';
test('extractPlainText: a standfirst above a dateline paragraph is not body', () => {
  const capture = ['All news', '', 'Diplomat sees little progress ahead of talks', '', STANDFIRST, '', `GENEVA, January 9. /EXA/. ${P1}`, '', P2, '', P3].join('\n');
  const x = extractPlainText(capture);
  assert.equal(x.title, 'Diplomat sees little progress ahead of talks');
  assert.equal(x.standfirst, STANDFIRST);
  assert.ok(x.text.startsWith('The foreign ministry said'), x.text.slice(0, 60));
});

test('extractPlainText: a leading standfirst that the body restates becomes the standfirst and a derived title', () => {
  const lead = 'Ministry said the next round of talks would take place in Vienna, officials confirmed on Monday.';
  const x = extractPlainText([lead, P1, P2, P3].join('\n'));
  assert.equal(x.standfirst, lead);
  assert.ok(x.title && lead.startsWith(x.title.slice(0, 20)), `derived title ${x.title}`);
  assert.ok(x.text.startsWith('The foreign ministry'), x.text.slice(0, 40));
});

const RU = [
  'Все новости', 'Войти', 'Регистрация', '',
  'Политика', '',
  'Переговоры продолжатся в Вене на следующей неделе', '',
  'МОСКВА, 3 марта. /ТАСС/. Следующий раунд переговоров пройдет в Вене, сообщили в министерстве иностранных дел в понедельник.', '',
  'Поделиться в Telegram', 'Поделиться во ВКонтакте', '',
  'Делегации должны прибыть в среду вечером, повестка дня пока не опубликована, добавили в ведомстве.', '',
  'Эксперты считают, что встреча вряд ли приведет к соглашению, но стороны хотят сохранить канал связи.', '',
  'Читайте также', '',
  'Министры обсудят цены на энергоносители в Брюсселе этой зимой', '',
  'Мы используем файлы cookie, чтобы сайт работал лучше. Продолжая использовать сайт, вы соглашаетесь с этим.',
].join('\n');

const TR = [
  'Ana Sayfa', 'Giriş Yap', 'Üye Ol', '',
  'Dünya', '',
  'Müzakereler gelecek hafta Viyana’da yeniden başlayacak', '',
  'Dışişleri bakanlığı, bir sonraki müzakere turunun gelecek hafta Viyana’da yapılacağını pazartesi günü açıkladı.', '',
  'Paylaş', 'Facebook', 'Twitter', '',
  'Heyetlerin çarşamba akşamı gelmesi bekleniyor ve gündem henüz açıklanmadı, diye ekledi yetkililer.', '',
  'Analistler toplantının bir anlaşmayla sonuçlanmasının beklenmediğini, ancak tarafların kanalı açık tutmak istediğini söyledi.', '',
  'İlgili Haberler', '',
  'Bakanlar enerji fiyatlarını Brüksel’de görüşecek', '',
  'Sitemizde çerezler kullanılmaktadır. Siteyi kullanarak çerez politikamızı kabul etmiş olursunuz.',
].join('\n');

const AR = [
  'الرئيسية', 'تسجيل الدخول', '',
  'مفاوضات جديدة في فيينا الأسبوع المقبل', '',
  'قالت وزارة الخارجية يوم الاثنين إن الجولة المقبلة من المحادثات ستعقد في فيينا الأسبوع المقبل بحسب مسؤولين.', '',
  'شارك على فيسبوك', 'شارك على تويتر', '',
  'ومن المتوقع أن تصل الوفود مساء الأربعاء، ولم يتم نشر جدول الأعمال حتى الآن بحسب ما أضافت الوزارة.', '',
  'وقال محللون إن الاجتماع لن يؤدي على الأرجح إلى اتفاق، لكن الجانبين يريدان إبقاء قناة الاتصال مفتوحة.', '',
  'اقرأ أيضا', '',
  'وزراء يبحثون أسعار الطاقة في بروكسل هذا الشتاء',
].join('\n');

const FA = [
  'فارسی افغانستان العربیة English Türkçe', 'ورود', 'ثبت نام', '',
  'مذاکرات هفته آینده در وین از سر گرفته می‌شود', '',
  'وزارت امور خارجه روز دوشنبه اعلام کرد که دور بعدی مذاکرات هفته آینده در وین برگزار خواهد شد و مقامات آن را تایید کردند.', '',
  'اشتراک گذاری', '',
  'انتظار می‌رود هیئت‌ها چهارشنبه شب وارد شوند و دستور کار هنوز منتشر نشده است، وزارتخانه افزود.', '',
  'تحلیلگران گفتند این نشست احتمالا به توافق نمی‌رسد اما دو طرف می‌خواهند کانال ارتباطی را باز نگه دارند.', '',
  'بیشتر بخوانید', '',
  'وزیران درباره قیمت انرژی در بروکسل گفت‌وگو می‌کنند',
].join('\n');

const LANGUAGE_CASES: Array<[capture: string, first: string, last: string, absent: string[], reason: string]> = [
  [RU, 'Следующий раунд переговоров', 'сохранить канал связи.', ['Поделиться', 'Читайте также', 'cookie', 'Министры', 'МОСКВА'], 'ru: share, related, cookie, dateline'],
  [TR, 'Dışişleri bakanlığı', 'açık tutmak istediğini söyledi.', ['Paylaş', 'İlgili', 'çerez', 'Bakanlar'], 'tr: share, related, cookie'],
  [AR, 'قالت وزارة الخارجية', 'قناة الاتصال مفتوحة.', ['شارك على', 'اقرأ أيضا', 'وزراء يبحثون'], 'ar: share, related'],
  [FA, 'وزارت امور خارجه', 'باز نگه دارند.', ['اشتراک', 'بیشتر بخوانید', 'فارسی', 'وزیران'], 'fa: language menu, share, related'],
];

for (const [capture, first, last, absent, reason] of LANGUAGE_CASES) {
  test(`extractPlainText: ${reason}`, () => {
    const x = extractPlainText(capture);
    assert.ok(x.text.startsWith(first), x.text.slice(0, 60));
    assert.ok(x.text.endsWith(last), x.text.slice(-60));
    for (const a of absent) assert.ok(!x.text.includes(a), `kept ${a}`);
  });
}

test('extractPlainText: Russian header fields and dateline stripping', () => {
  const x = extractPlainText(RU);
  assert.equal(x.title, 'Переговоры продолжатся в Вене на следующей неделе');
  assert.equal(x.section, 'Политика');
});

test('extractPlainText: empty or chrome-only input gives no body', () => {
  assert.equal(extractPlainText('').text, '');
  assert.equal(extractPlainText('Home\nLog In\nShare on Facebook\nPrivacy Policy').text, '');
});

const KEYS: Array<[a: string, b: string, reason: string]> = [
  ['56 Points', '12 points', 'counters differ only in digits'],
  ['  Share on Facebook ', 'share on facebook', 'spacing and case'],
  ['© 2021 Example News. All rights reserved.', '© 2022 Example News. All rights reserved', 'year and final stop'],
  ['Ｆｏｌｌｏｗ us', 'Follow us', 'full-width letters (NFKC)'],
];
for (const [a, b, reason] of KEYS) {
  test(`lineKey: ${reason}`, () => assert.equal(lineKey(a), lineKey(b)));
}
test('lineKey: different lines keep different keys', () => assert.notEqual(lineKey('Share on Facebook'), lineKey('Share on Twitter')));

/** Evidence as a store would keep it: per line key, how many earlier documents of the source had it. */
function evidence(documents: number, lines: Record<string, number>): LineEvidence {
  const counts = new Map(Object.entries(lines).map(([line, n]) => [lineKey(line), n]));
  return { documents, count: (key) => counts.get(key) ?? 0 };
}

const PROMO = 'Readers can find all of our coverage of these talks in a special section of this website.';
const PROMO_CAPTURE = ['Talks to resume in Vienna next week', '', P1, '', P2, '', PROMO, '', P3].join('\n');

const EVIDENCE_CASES: Array<[ev: LineEvidence | undefined, kept: boolean, reason: string]> = [
  [undefined, true, 'without evidence a promotional sentence looks like prose'],
  [evidence(40, { [PROMO]: 38 }), false, 'a paragraph on nearly every page of the source is a template'],
  [evidence(40, { [PROMO]: 20 }), true, 'a paragraph on half the pages may be a running story\'s background'],
  [evidence(40, { [PROMO]: 2 }), true, 'a line on a few pages of the source may be a shared quote'],
  [evidence(2, { [PROMO]: 2 }), true, 'too few documents to trust the counts'],
];
for (const [ev, kept, reason] of EVIDENCE_CASES) {
  test(`extractPlainText evidence: ${reason}`, () => {
    const x = extractPlainText(PROMO_CAPTURE, ev);
    assert.equal(x.text.includes(PROMO), kept);
    assert.ok(x.text.includes(P3.slice(0, 30)));
  });
}

const LABEL = 'Explainer';
const LABEL_CAPTURE = ['Talks to resume in Vienna next week', '', P1, '', LABEL, '', P2, '', P3].join('\n');
test('extractPlainText evidence: a short line on half the pages of a source is chrome', () => {
  assert.ok(extractPlainText(LABEL_CAPTURE).text.includes(LABEL), 'a lone label between paragraphs reads as a subheading');
  assert.ok(!extractPlainText(LABEL_CAPTURE, evidence(40, { [LABEL]: 20 })).text.includes(LABEL));
});

test('extractPlainText: three short lines between paragraphs are a list and stay', () => {
  const items = ['2 cups of flour', '1 tsp of salt', '3 eggs, beaten'];
  const x = extractPlainText(['Simple bread', '', P1, '', P2, '', ...items, '', P3, '', P4].join('\n'));
  for (const item of items) assert.ok(x.text.includes(item), item);
});

test('splitLines: trims, drops blank lines, remembers paragraph breaks and the raw line', () => {
  const lines = splitLines('  First line \r\nSecond\u00a0\u00a0line\n\n\nThird');
  assert.deepEqual(
    lines.map((l) => [l.text, l.raw, l.index, l.blankBefore]),
    [
      ['First line', 'First line', 0, true],
      ['Second line', 'Second\u00a0\u00a0line', 1, false],
      ['Third', 'Third', 4, true],
    ],
  );
});
