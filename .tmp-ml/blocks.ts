import { readFileSync } from 'node:fs';
import { analysePlainText } from '../src/pipeline/extract/text.ts';
const { blocks, body } = analysePlainText(readFileSync(process.argv[2], 'utf8'));
for (const b of blocks) console.log(body.includes(b) ? '*' : ' ', b.kind.padEnd(8), b.size, b.text.slice(0, 70));
