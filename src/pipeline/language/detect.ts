// Detects an article's language (ISO 639-1) from its text, falling back to what the page declares.
import { detectAll } from 'tinyld';

/** Characters sampled for detection: enough for a stable guess, bounded so long pages stay cheap. */
const SAMPLE_CHARS = 2000;
/** Below this share of letters the text is too thin to judge (measured against short headlines). */
const MIN_LETTERS = 20;
/** tinyld accuracy under which a declared <html lang> wins over the detector. */
const MIN_DETECT_ACCURACY = 0.5;

export function detectLanguage(text: string, declared: string | null): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const normalizedDeclared = normalizeLanguage(declared);
  if (letters < MIN_LETTERS) return normalizedDeclared;
  const [best] = detectAll(sample);
  if (!best || best.accuracy < MIN_DETECT_ACCURACY) return normalizedDeclared ?? best?.lang ?? null;
  return best.lang;
}

/** "en-US" → "en", "fa_IR" → "fa"; null for empty or malformed values. */
export function normalizeLanguage(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^([a-z]{2,3})(?:[-_].*)?$/i.exec(value.trim());
  return m ? m[1].toLowerCase() : null;
}
