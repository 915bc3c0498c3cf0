import { hijriToGregorian } from '../src/pipeline/date/calendar.ts';
console.log(hijriToGregorian(1443, 6, 10), hijriToGregorian(1443, 9, 1), hijriToGregorian(1416, 1, 1), hijriToGregorian(1447, 12, 30), hijriToGregorian(1441, 2, 30));
