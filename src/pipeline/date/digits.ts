// Maps the decimal digits of other scripts (Persian, Arabic-Indic, Devanagari, ...) to ASCII, one code unit for one.

/** First code point ("zero") of each decimal digit block that news pages use. */
const DIGIT_ZEROS = [
  0x0660, // Arabic-Indic
  0x06f0, // Extended Arabic-Indic (Persian, Urdu)
  0x0966, // Devanagari
  0x09e6, // Bengali
  0x0a66, // Gurmukhi
  0x0ae6, // Gujarati
  0x0be6, // Tamil
  0x0c66, // Telugu
  0x0d66, // Malayalam
  0x0e50, // Thai
  0x1040, // Myanmar
  0xff10, // Fullwidth (CJK)
];

const DIGITS = new RegExp(
  `[${DIGIT_ZEROS.map((z) => `\\u{${z.toString(16)}}-\\u{${(z + 9).toString(16)}}`).join('')}]`,
  'gu',
);

/**
 * Replaces every non-ASCII decimal digit by its ASCII digit. Each of these digits is one UTF-16
 * code unit, so string offsets stay valid between the input and the output.
 */
export function asciiDigits(text: string): string {
  return text.replace(DIGITS, (ch) => {
    const cp = ch.codePointAt(0)!;
    const zero = DIGIT_ZEROS.find((z) => cp >= z && cp <= z + 9)!;
    return String(cp - zero);
  });
}
