import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { splitBenchArgs, wholeNumberOf } from '../bench-args.js';
import { chooseRssMethod, expectStatus, runNode } from '../run-node.js';
import type { BenchContext } from '../target.js';

// `report merge` over many history reports: time and peak RSS at growing report counts, beside a
// floor that only reads and parses the same reports one at a time. Peak RSS should stay flat as
// reports are added (the merge keeps one report, then one spill bucket, in memory).
// Usage: npm run bench -- merge [COUNT ...] [--findings N] [--shared N]
//   COUNT: numbers of reports to merge (default: 100 1000); --findings per report (default 10000);
//   --shared: how many of each report's findings are drawn from an organization-wide pool of
//   5 x that many secrets, so the same secret sits in many repositories (default 1000).

const FLOOR_SOURCE = "for (const f of process.argv.slice(1)) JSON.parse(require('fs').readFileSync(f, 'utf8'));";

function hex(seed: string, length: number): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, length);
}

function findingText(secret: string, repo: number, index: number): string {
  const sha = hex(`${repo}:${index}`, 40);
  const commit = `{"sha":"${sha}","author":"Dev <dev@example.test>","date":"2024-0${(index % 9) + 1}-1${index % 10}T10:00:00+00:00"}`;
  return (
    `{"ruleId":"stripe.secret-key","ruleName":"Stripe secret key","severity":"high","path":"src/module-${index % 97}/config-${index}.ts",` +
    `"startLine":${(index % 400) + 1},"startColumn":17,"endLine":${(index % 400) + 1},"endColumn":49,"commit":${commit},` +
    `"occurrences":[{"path":"src/module-${index % 97}/config-${index}.ts","startLine":${(index % 400) + 1},"startColumn":17,"commit":${commit}}],` +
    `"isPresentAtHead":${index % 3 !== 0},"fingerprint":"v1:${hex(`fp${secret}${repo}`, 32)}","secretId":"v1:${hex(secret, 32)}",` +
    `"preview":"sk_l…(32)","context":"export const key = \\"sk_l…(32)\\";","entropy":4.6}`
  );
}

/** Writes report `repo` with `findings` findings, `shared` of them from the organization-wide pool. */
function writeReport(path: string, repo: number, findings: number, shared: number): number {
  const parts: string[] = [];
  for (let i = 0; i < findings; i++) parts.push(findingText(i < shared ? `org-${(repo * 7919 + i * 104729) % (shared * 5)}` : `own-${repo}-${i}`, repo, i));
  const text = `{"schemaVersion":1,"tool":{"name":"secretscan","version":"0.1.0"},"repository":{"name":"github.com/bench-org/repo-${repo}","commit":"${hex(`head${repo}`, 40)}"},"findings":[${parts.join(',')}],"suppressed":{"inline":0,"allowlist":0,"paths":0},"skipped":[],"problems":[],"notices":[],"stats":{"chunks":1,"bytes":1},"isPartial":false}\n`;
  writeFileSync(path, text);
  return text.length;
}

/** The last `length` bytes of a file, without reading the rest. */
function tailOf(path: string, size: number, length: number): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(length, size));
    readSync(fd, buffer, 0, buffer.length, size - buffer.length);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** The `merge` target. */
export async function runBench(ctx: BenchContext): Promise<number> {
  const args = splitBenchArgs(ctx.args, ['--findings', '--shared']);
  const findings = 'error' in args ? args : wholeNumberOf(args.values, '--findings', 10_000);
  const shared = 'error' in args ? args : wholeNumberOf(args.values, '--shared', 1000, 0);
  const counts = 'error' in args ? [] : args.positionals.length === 0 ? [100, 1000] : args.positionals.map(Number);
  for (const value of [args, findings, shared]) {
    if (typeof value === 'object' && 'error' in value) {
      process.stderr.write(`bench merge: ${value.error}\n`);
      return 2;
    }
  }
  if (counts.some((n) => !Number.isInteger(n) || n <= 0)) {
    process.stderr.write('bench merge: arguments are report counts, e.g. 100 1000\n');
    return 2;
  }
  const [perReport, pool] = [findings as number, Math.min(shared as number, findings as number)];
  const scratch = mkdtempSync(join(tmpdir(), 'secretscan-bench-merge-'));
  try {
    const rss = chooseRssMethod(scratch);
    ctx.print(`secretscan bench merge: node ${process.version}, ${cpus().length} x ${cpus()[0]?.model.trim() ?? 'unknown CPU'}`);
    ctx.print(`reports of ${perReport} history findings each, ${pool} of them from a pool of ${pool * 5} organization-wide secrets`);
    ctx.print('merge = node dist/cli/bin.mjs report merge REPORTS... --format json -o merged.json');
    ctx.print('floor = node reading and parsing the same reports one at a time; one run each');
    ctx.print('');
    ctx.print('reports   input MB   floor s  floor RSS MB   merge s  merge RSS MB   output MB   secrets');
    const files: string[] = [];
    let inputBytes = 0;
    for (const count of [...counts].sort((a, b) => a - b)) {
      while (files.length < count) {
        const file = join(scratch, `report-${files.length}.json`);
        inputBytes += writeReport(file, files.length, perReport, pool);
        files.push(file);
      }
      const output = join(scratch, 'merged.json');
      const floor = runNode(['-e', FLOOR_SOURCE, ...files], { cwd: scratch, rss });
      const merge = expectStatus(runNode([ctx.cliPath, 'report', 'merge', '--format', 'json', '-o', output, ...files], { cwd: scratch, rss }), [1], 'the merge');
      const outputBytes = statSync(output).size;
      // The totals follow the findings: the last part of the file holds them, one entry per repository.
      const tail = tailOf(output, outputBytes, 16_384 + count * 512);
      const secrets = /"totals": \{\s*"secrets": (\d+)/.exec(tail)?.[1] ?? '?';
      rmSync(output);
      ctx.print(
        `${String(count).padStart(7)}  ${(inputBytes / 1e6).toFixed(0).padStart(9)}  ${(floor.wallMs / 1000).toFixed(1).padStart(8)}  ${((floor.maxRssKb ?? 0) / 1024).toFixed(0).padStart(12)}` +
          `  ${(merge.wallMs / 1000).toFixed(1).padStart(8)}  ${((merge.maxRssKb ?? 0) / 1024).toFixed(0).padStart(12)}  ${(outputBytes / 1e6).toFixed(0).padStart(10)}  ${secrets.padStart(8)}`,
      );
    }
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
