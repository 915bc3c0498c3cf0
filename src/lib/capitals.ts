// Sentences written in capitals (headlines, datelines), where capitalisation says nothing about names.

/** Share of a sentence's lettered words in capitals above which the sentence counts as written in capitals. */
const UPPER_SHARE = 0.8;

/** Whether more than UPPER_SHARE of the words with letters are in capitals, among more than `minLetters` such words. */
export function isUpperSentence(words: ReadonlyArray<{ hasLetter: boolean; upper: boolean }>, minLetters = 0): boolean {
  let upper = 0;
  let letters = 0;
  for (const w of words) {
    if (!w.hasLetter) continue;
    letters++;
    if (w.upper) upper++;
  }
  return letters > minLetters && upper / letters > UPPER_SHARE;
}
