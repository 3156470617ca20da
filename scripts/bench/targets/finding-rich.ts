import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRandom } from '../prng.js';
import { chooseRssMethod, expectStatus, runNode } from '../run-node.js';
import type { BenchContext } from '../target.js';
import { DEFAULT_MAX_FINDINGS } from '../../../src/pipeline/index.js';

// One file holding N distinct secrets, one per line, scanned as a whole process at growing N:
// time per match should stay flat (linear scaling), and memory bounded: past --max-findings
// (default 100,000) matches are only counted. Floor: `node -e` reading the file.
// Usage: npm run bench -- finding-rich [N ...]   (default: 100000 1000000)

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function writeRichFile(path: string, count: number): number {
  const random = createRandom(count);
  const lines: string[] = [];
  // Built from pieces so that this file holds no token shape.
  for (let i = 0; i < count; i++) lines.push(`key${i} = "${['sk', 'live', random.chars(ALPHANUMERIC, 24)].join('_')}"`);
  const text = `${lines.join('\n')}\n`;
  writeFileSync(path, text);
  return text.length;
}

/** The `finding-rich` target. */
export async function runBench(ctx: BenchContext): Promise<number> {
  const counts = ctx.args.length === 0 ? [100_000, 1_000_000] : ctx.args.map(Number);
  if (counts.some((n) => !Number.isInteger(n) || n <= 0)) {
    process.stderr.write('bench finding-rich: arguments are match counts, e.g. 100000 1000000\n');
    return 2;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'secretscan-bench-rich-'));
  try {
    const rss = chooseRssMethod(scratch);
    ctx.print(`secretscan bench finding-rich: node ${process.version}, ${cpus().length} x ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`);
    ctx.print('scan = node dist/cli/bin.mjs scan rich.js --format json --threads 0 --max-file-size 511MiB (report to /dev/null)');
    ctx.print(`floor = node reading the same file; one run each; findings past --max-findings ${DEFAULT_MAX_FINDINGS} are counted, not listed`);
    ctx.print('');
    ctx.print('matches     MB   floor s   scan s     µs/match   peak RSS MB     KB/match');
    for (const count of counts) {
      const file = join(scratch, 'rich.js');
      const bytes = writeRichFile(file, count);
      const floor = runNode(['-e', "require('fs').readFileSync(process.argv[1],'utf8')", file], { cwd: scratch, rss });
      const scan = expectStatus(runNode([ctx.cliPath, 'scan', file, '--format', 'json', '--threads', '0', '--max-file-size', '511MiB'], { cwd: scratch, rss }), [1], 'the scan');
      const rssMb = (scan.maxRssKb ?? 0) / 1024;
      ctx.print(
        `${String(count).padStart(7)}  ${(bytes / 1e6).toFixed(1).padStart(5)}  ${(floor.wallMs / 1000).toFixed(2).padStart(8)}  ${(scan.wallMs / 1000).toFixed(2).padStart(7)}` +
          `  ${((scan.wallMs * 1000) / count).toFixed(1).padStart(11)}  ${rssMb.toFixed(0).padStart(12)}  ${(((scan.maxRssKb ?? 0) - (floor.maxRssKb ?? 0)) / count).toFixed(2).padStart(11)}`,
      );
    }
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
