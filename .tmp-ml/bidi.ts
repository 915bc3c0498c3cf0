import { findDates } from '../src/pipeline/date/parse.ts';
for (const t of ['\u200f13\u200f/1\u200f/2022', '\u202b13 يناير 2022\u202c', '13/\u200e1/\u200e2022 - 15:30', '\u2067١٣ يناير ٢٠٢٢\u2069 \u2067١٩:٤٦\u2069'])
  console.log(JSON.stringify(t), JSON.stringify(findDates(t).map((m) => [m.year, m.month, m.day, m.hour, m.minute, m.text])));
