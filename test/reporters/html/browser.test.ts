import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inspectPage } from '../../helpers/chromium.js';
import { FAKE } from '../../helpers/fake-secrets.js';
import { createRepo, git } from '../../helpers/git-repo.js';
import { runCli } from '../../helpers/run-cli.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

// The HTML reports rendered by headless Chromium: nothing loads, nothing logs an error, the DOM
// holds the tables and the timeline, hostile names stay text, and no planted secret is anywhere.

const HOSTILE_NAME = '<script>alert(1)</script>acme/"web"';
const HOSTILE_PATH = '<img src=x onerror=alert(2)>.ts';
const PLANTED = [FAKE.stripe, FAKE.stripeOther, FAKE.stripeThird, FAKE.awsKeyId];

/** A repository whose commits carry the given author dates, scanned into `<dir>/<label>.json`. */
async function scannedRepo(dir: string, label: string, name: string, commits: { date: string; files: Record<string, string | null> }[]): Promise<string> {
  const repo = await createRepo();
  for (const commit of commits) {
    for (const [path, content] of Object.entries(commit.files)) {
      if (content === null) git(repo, ['rm', '-q', '--', path]);
      else {
        await writeFile(join(repo, path), content);
        git(repo, ['add', '--', path]);
      }
    }
    git(repo, ['commit', '-q', '--allow-empty', '-m', `at ${commit.date}`, '--date', commit.date]);
  }
  const out = join(dir, `${label}.json`);
  const run = await runCli(['scan', '--history', '--format', 'json', '--repository', name, '-o', out], { cwd: repo });
  expect(run.code, run.stderr).toBe(1);
  return out;
}

/** Copies the screenshots to SECRETSCAN_SCREENSHOT_DIR when set, to look at them. */
async function keepScreenshots(screenshots: Record<string, string>): Promise<void> {
  const keep = process.env.SECRETSCAN_SCREENSHOT_DIR;
  if (keep === undefined || keep === '') return;
  for (const [name, path] of Object.entries(screenshots)) await copyFile(path, join(keep, `${name}.png`));
}

const DOM_CHECKS = {
  title: 'document.title',
  h1: "document.querySelector('h1').textContent",
  scripts: "document.querySelectorAll('script').length",
  images: "document.querySelectorAll('img, iframe, object, embed, link').length",
  csp: 'document.querySelector(\'meta[http-equiv="Content-Security-Policy"]\').content',
  captions: "[...document.querySelectorAll('caption')].map((c) => c.textContent)",
  timelineRows: "document.querySelectorAll('svg.timeline g.row').length",
  closedRows: "document.querySelectorAll('svg.timeline g.row.closed').length",
  secretSections: "document.querySelectorAll('section.secret').length",
  fixSections: "[...document.querySelectorAll('section.fix h3')].map((h) => h.textContent)",
  text: 'document.body.innerText',
  html: 'document.documentElement.outerHTML',
  styled: "getComputedStyle(document.querySelector('table th')).backgroundColor !== 'rgba(0, 0, 0, 0)'",
};

describe('HTML reports in headless Chromium', () => {
  it('renders a merged audit: no requests, no console errors, tables, timeline, remediation; hostile names inert; no secret', async () => {
    const dir = await makeTempDir();
    const reports = [
      await scannedRepo(dir, 'billing', 'github.com/acme/billing-api', [
        { date: '2022-03-01T10:00:00Z', files: { 'config.ts': `export const key = "${FAKE.stripe}";\n` } },
        { date: '2023-01-15T10:00:00Z', files: { 'config.ts': 'export const key = process.env.STRIPE_KEY;\n' } },
      ]),
      await scannedRepo(dir, 'bot', 'github.com/acme/trading-bot', [
        { date: '2023-06-01T10:00:00Z', files: { 'bot.py': `STRIPE = "${FAKE.stripe}"\nAWS = "${FAKE.awsKeyId}"\n` } },
        { date: '2024-02-01T10:00:00Z', files: { [HOSTILE_PATH]: `k = "${FAKE.stripeOther}"\n` } },
      ]),
      await scannedRepo(dir, 'web', HOSTILE_NAME, [{ date: '2024-09-09T10:00:00Z', files: { 'server.js': `const k = "${FAKE.stripeThird}";\n` } }]),
    ];
    const htmlFile = join(dir, 'audit.html');
    const run = await runCli(['report', 'merge', '--format', 'html', '-o', htmlFile, ...reports], { cwd: dir });
    expect(run.code, run.stderr).toBe(1);
    const source = await readFile(htmlFile, 'utf8');
    for (const secret of PLANTED) expect(source).not.toContain(secret);

    const page = await inspectPage(htmlFile, {
      evaluate: DOM_CHECKS,
      screenshots: { light: {}, dark: { features: [{ name: 'prefers-color-scheme', value: 'dark' }] }, print: { media: 'print' } },
      outDir: dir,
    });
    expect(page.errors).toEqual([]);
    expect(page.requests).toEqual([pathToFileURL(htmlFile).href]);
    const v = page.values;
    expect(v.title).toBe('secretscan: audit of 3 repositories');
    expect([v.scripts, v.images]).toEqual([0, 0]);
    expect(v.csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:/);
    expect(v.styled).toBe(true);
    expect(v.captions).toEqual(['Secrets by severity', 'Secrets by provider', 'Secrets by repository']);
    // billing-api (removed), trading-bot (stripe, aws, the other stripe key) and the hostile one: 5 rows.
    expect(v.timelineRows).toBe(5);
    expect(v.closedRows).toBe(1);
    expect(v.secretSections).toBe(4);
    expect(v.fixSections).toEqual(expect.arrayContaining([expect.stringContaining('How to fix: Stripe secret key')]));
    const text = String(v.text);
    expect(text).toContain(HOSTILE_NAME);
    expect(text).toContain(HOSTILE_PATH);
    expect(text).toMatch(/removed 2023-01-15/);
    for (const secret of PLANTED) {
      expect(text).not.toContain(secret);
      expect(String(v.html)).not.toContain(secret);
    }
    await keepScreenshots(page.screenshots);
    const [light, dark, print] = await Promise.all(['light', 'dark', 'print'].map((name) => readFile(page.screenshots[name] as string)));
    for (const png of [light, dark, print]) expect(png?.subarray(1, 4).toString()).toBe('PNG');
    expect(light?.equals(dark as Buffer)).toBe(false);
  }, 120_000);

  it('renders a single history scan (--format html) with its repository, timeline and remediation', async () => {
    const dir = await makeTempDir();
    const repo = await createRepo();
    await writeFile(join(repo, '.env'), `STRIPE_KEY=${FAKE.stripe}\n`);
    git(repo, ['add', '.env']);
    git(repo, ['commit', '-q', '-m', 'env', '--date', '2024-04-04T10:00:00Z']);
    git(repo, ['remote', 'add', 'origin', 'git@github.com:acme/single.git']);
    const htmlFile = join(dir, 'scan.html');
    const run = await runCli(['scan', '--history', '--format', 'html', '-o', htmlFile], { cwd: repo });
    expect(run.code, run.stderr).toBe(1);
    const page = await inspectPage(htmlFile, { evaluate: DOM_CHECKS, screenshots: { single: {} }, outDir: dir });
    await keepScreenshots(page.screenshots);
    expect(page.errors).toEqual([]);
    expect(page.values.h1).toBe('secretscan: github.com/acme/single');
    expect(Number(page.values.timelineRows)).toBeGreaterThan(0);
    expect(String(page.values.text)).not.toContain(FAKE.stripe);
    expect(page.values.fixSections).toEqual(expect.arrayContaining([expect.stringContaining('Stripe secret key')]));
  }, 120_000);
});
