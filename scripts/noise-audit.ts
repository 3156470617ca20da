import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOISE_AUDIT_USAGE, parseNoiseAuditArgs } from './noise-audit/args.js';
import { corpusDirOf, fetchCorpus, FetchError, type Corpus } from './noise-audit/fetch-corpus.js';
import { formatAuditSummary } from './noise-audit/format-summary.js';
import { summarizeAudit } from './noise-audit/summary.js';
import { readTriage, recordNew, writeTriage, type AuditFinding } from './noise-audit/triage.js';

// The real-code noise audit: scans large published code (SDKs, a framework, a Python standard
// library; scripts/noise-audit/corpus.json) with the built CLI and grades every finding by the
// triage kept in scripts/noise-audit/triage.json. A measurement, not a gate: exits 0 whatever the
// share of noise, 2 when the corpus cannot be fetched or the scan fails.

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI_PATH = join(REPO_ROOT, 'dist', 'cli', 'bin.mjs');
const CORPUS_FILE = join(REPO_ROOT, 'scripts', 'noise-audit', 'corpus.json');
const TRIAGE_FILE = join(REPO_ROOT, 'scripts', 'noise-audit', 'triage.json');

function scanCorpus(srcDir: string, paths: readonly string[]): AuditFinding[] {
  const outDir = mkdtempSync(join(tmpdir(), 'noise-audit-'));
  const reportFile = join(outDir, 'report.json');
  try {
    const args = [CLI_PATH, 'scan', ...paths, '--format', 'json', '--output', reportFile, '--no-gitignore-audit', '--no-baseline'];
    const run = spawnSync(process.execPath, args, { cwd: srcDir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 });
    if ((run.status !== 0 && run.status !== 1) || !existsSync(reportFile)) throw new FetchError(`the scan failed (exit ${run.status}): ${run.stderr.trim().slice(-500)}`);
    return (JSON.parse(readFileSync(reportFile, 'utf8')) as { findings: AuditFinding[] }).findings;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function main(argv: readonly string[]): number {
  const args = parseNoiseAuditArgs(argv, process.env);
  if ('error' in args) {
    process.stderr.write(`noise-audit: ${args.error}\n${NOISE_AUDIT_USAGE}\n`);
    return 2;
  }
  const corpus = JSON.parse(readFileSync(CORPUS_FILE, 'utf8')) as Corpus;
  let findings: AuditFinding[];
  try {
    const srcDir = fetchCorpus(corpus, args.cacheDir, (line) => process.stderr.write(`${line}\n`));
    const paths = [...corpus.npm.map(corpusDirOf), ...corpus.python.map((minor) => `python-${minor}-stdlib`)];
    findings = scanCorpus(srcDir, paths);
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    process.stderr.write(`noise-audit: ${error.message}\n`);
    return 2;
  }
  const triage = readTriage(TRIAGE_FILE);
  if (args.shouldRecordNew) {
    const added = recordNew(triage, findings);
    writeTriage(TRIAGE_FILE, triage);
    process.stderr.write(`noise-audit: recorded ${added} new finding(s) as untriaged in ${TRIAGE_FILE}\n`);
  }
  const summary = summarizeAudit(findings, triage);
  process.stdout.write(args.isJson ? `${JSON.stringify(summary, null, 1)}\n` : formatAuditSummary(summary, args.listLimit));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
