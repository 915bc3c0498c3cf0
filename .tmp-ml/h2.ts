import { findDates } from '../src/pipeline/date/parse.ts';
for (const t of ['الخميس 10 جمادى الآخرة 1443 هـ الموافق 13 يناير 2022 م', '١٠ جمادى الآخرة ١٤٤٣ هـ', '1 رمضان 1443', 'الرياض 10 جمادى الآخرة 1443 هـ'])
  console.log(t, JSON.stringify(findDates(t).map((m) => [m.year, m.month, m.day, m.form, m.text])));
