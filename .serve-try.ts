import { run } from '/work/main/src/cli/serve.ts';
import { processIo } from '/work/main/src/cli/common.ts';
process.exitCode = await run(process.argv.slice(2), processIo());
