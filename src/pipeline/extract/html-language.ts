// Normalises declared language tags (BCP 47, ISO 639-2, legacy codes) to ISO 639-1 lower case.

/** ISO 639-2/B and /T codes of the languages news is commonly published in, mapped to ISO 639-1. */
const ISO_639_2_TO_1: Readonly<Record<string, string>> = {
  ara: 'ar', bul: 'bg', cat: 'ca', ces: 'cs', cze: 'cs', chi: 'zh', zho: 'zh', dan: 'da', deu: 'de', ger: 'de',
  ell: 'el', gre: 'el', eng: 'en', est: 'et', fas: 'fa', per: 'fa', fin: 'fi', fra: 'fr', fre: 'fr', heb: 'he',
  hin: 'hi', hrv: 'hr', hun: 'hu', ind: 'id', ita: 'it', jpn: 'ja', kor: 'ko', lav: 'lv', lit: 'lt', msa: 'ms',
  may: 'ms', nld: 'nl', dut: 'nl', nor: 'no', nob: 'nb', nno: 'nn', pol: 'pl', por: 'pt', ron: 'ro', rum: 'ro',
  rus: 'ru', slk: 'sk', slo: 'sk', slv: 'sl', spa: 'es', srp: 'sr', swe: 'sv', tha: 'th', tur: 'tr', ukr: 'uk',
  urd: 'ur', vie: 'vi', ben: 'bn', tam: 'ta', tel: 'te', mar: 'mr', swa: 'sw', afr: 'af', aze: 'az', kaz: 'kk',
  uzb: 'uz', bel: 'be', kat: 'ka', geo: 'ka', hye: 'hy', arm: 'hy', sqi: 'sq', alb: 'sq', mkd: 'mk', mac: 'mk',
  isl: 'is', ice: 'is', gle: 'ga', cym: 'cy', wel: 'cy', eus: 'eu', baq: 'eu', glg: 'gl', fil: 'tl', tgl: 'tl',
};

/** Withdrawn ISO 639-1 codes still seen in the wild. */
const LEGACY_639_1: Readonly<Record<string, string>> = { iw: 'he', in: 'id', ji: 'yi', jw: 'jv', mo: 'ro' };

/** Tags that name no single language (undetermined, multiple, no linguistic content, placeholders). */
const NOT_A_LANGUAGE = new Set(['und', 'mul', 'zxx', 'mis', 'xx', 'x', 'i']);

/**
 * "en-US" → "en", "pt_BR" → "pt", "ENG" → "en", "iw" → "he"; null when the tag names no recognisable language.
 * A comma-separated list (as Content-Language allows) yields its first usable entry.
 */
export function normaliseLanguage(tag: string | null | undefined): string | null {
  if (!tag) return null;
  for (const part of tag.split(',')) {
    const primary = part.trim().toLowerCase().split(/[-_;\s]/)[0] ?? '';
    if (!/^[a-z]{2,3}$/.test(primary) || NOT_A_LANGUAGE.has(primary)) continue;
    if (primary.length === 2) return LEGACY_639_1[primary] ?? primary;
    const mapped = ISO_639_2_TO_1[primary];
    if (mapped) return mapped;
  }
  return null;
}
