import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { makeTempDir } from './temp-dir.js';

// Headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe: JSON
// messages separated by NUL bytes on file descriptors 3 and 4), so no WebSocket client is needed
// on Node 20. CI runs as root: --no-sandbox is required there.

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium binary; throws (a failure, not a skip) when none is installed. */
export function chromiumPath(): string {
  const found = CANDIDATES.find((path): path is string => path !== undefined && path !== '' && existsSync(path));
  if (found === undefined) throw new Error('chromium is not installed: the HTML report tests need it (Debian: apt-get install chromium; .ci/run installs it), or set CHROMIUM_PATH');
  return found;
}

type Message = { id?: number; method?: string; params?: Record<string, unknown>; result?: Record<string, unknown>; error?: { message: string }; sessionId?: string };

/** What a page did while it loaded and was looked at. */
export interface PageReport {
  /** Console errors, uncaught exceptions and browser log errors (CSP violations among them). */
  errors: string[];
  /** URLs the page requested (the page itself included). */
  requests: string[];
  /** Results of the expressions evaluated in the page, by name. */
  values: Record<string, unknown>;
  /** PNG screenshots written, by name. */
  screenshots: Record<string, string>;
}

class DevTools {
  #nextId = 1;
  #pending = new Map<number, { resolve: (value: Record<string, unknown>) => void; reject: (error: Error) => void }>();
  #listeners: ((message: Message) => void)[] = [];
  #buffer = '';

  constructor(
    private readonly input: Writable,
    output: Readable,
  ) {
    output.setEncoding('utf8');
    output.on('data', (data: string) => {
      this.#buffer += data;
      for (let at = this.#buffer.indexOf('\0'); at !== -1; at = this.#buffer.indexOf('\0')) {
        const message = JSON.parse(this.#buffer.slice(0, at)) as Message;
        this.#buffer = this.#buffer.slice(at + 1);
        this.#dispatch(message);
      }
    });
  }

  #dispatch(message: Message): void {
    if (message.id !== undefined) {
      const waiter = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.error !== undefined) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result ?? {});
      return;
    }
    for (const listener of this.#listeners) listener(message);
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId === undefined ? {} : { sessionId }) })}\0`);
    });
  }

  on(listener: (message: Message) => void): void {
    this.#listeners.push(listener);
  }

  waitFor(method: string): Promise<Message> {
    return new Promise((resolve) => this.on((message) => message.method === method && resolve(message)));
  }
}

function describeError(message: Message): string | undefined {
  const params = message.params ?? {};
  if (message.method === 'Runtime.consoleAPICalled' && (params.type === 'error' || params.type === 'assert')) return `console.${String(params.type)}: ${JSON.stringify(params.args)}`;
  if (message.method === 'Runtime.exceptionThrown') return `exception: ${JSON.stringify(params.exceptionDetails)}`;
  const entry = params.entry as { level?: string; text?: string; url?: string } | undefined;
  if (message.method === 'Log.entryAdded' && entry?.level === 'error') return `log: ${entry.text ?? ''} ${entry.url ?? ''}`;
  return undefined;
}

/** What to do with the page once loaded. */
export interface PageChecks {
  /** Expressions evaluated in the page (return JSON-serialisable values), by name. */
  evaluate: Record<string, string>;
  /** Screenshots to take: name → the media features to emulate first (e.g. dark mode, print). */
  screenshots: Record<string, { media?: string; features?: { name: string; value: string }[] }>;
  /** Directory the screenshots go to. */
  outDir: string;
}

/**
 * Opens `htmlFile` in a fresh headless Chromium (new profile, no network extras), with JavaScript
 * disabled, runs the checks, and closes the browser. Resolves what the page did.
 */
export async function inspectPage(htmlFile: string, checks: PageChecks): Promise<PageReport> {
  const profile = await makeTempDir('secretscan-chromium-');
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--no-first-run',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    `--user-data-dir=${profile}`,
    '--remote-debugging-pipe',
    'about:blank',
  ];
  const child: ChildProcess = spawn(chromiumPath(), args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (data: Buffer) => (stderr += data.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  try {
    const tools = new DevTools(child.stdio[3] as Writable, child.stdio[4] as Readable);
    const report: PageReport = { errors: [], requests: [], values: {}, screenshots: {} };
    const started = await Promise.race([tools.send('Target.createTarget', { url: 'about:blank' }), exited.then(() => Promise.reject(new Error(`chromium exited: ${stderr.slice(-2000)}`)))]);
    const { sessionId } = (await tools.send('Target.attachToTarget', { targetId: started.targetId, flatten: true })) as { sessionId: string };
    tools.on((message) => {
      if (message.sessionId !== sessionId) return;
      const error = describeError(message);
      if (error !== undefined) report.errors.push(error);
      if (message.method === 'Network.requestWillBeSent') report.requests.push(String((message.params?.request as { url?: string } | undefined)?.url));
    });
    for (const domain of ['Runtime.enable', 'Log.enable', 'Page.enable', 'Network.enable']) await tools.send(domain, {}, sessionId);
    await tools.send('Emulation.setScriptExecutionDisabled', { value: true }, sessionId);
    await tools.send('Emulation.setDeviceMetricsOverride', { width: 1100, height: 900, deviceScaleFactor: 1, mobile: false }, sessionId);
    const loaded = tools.waitFor('Page.loadEventFired');
    await tools.send('Page.navigate', { url: pathToFileURL(htmlFile).href }, sessionId);
    await loaded;
    // Script execution is disabled for the page, not for DevTools' own evaluation.
    for (const [name, expression] of Object.entries(checks.evaluate)) {
      const result = (await tools.send('Runtime.evaluate', { expression, returnByValue: true }, sessionId)) as { result?: { value?: unknown }; exceptionDetails?: unknown };
      if (result.exceptionDetails !== undefined) throw new Error(`evaluating ${name} failed: ${JSON.stringify(result.exceptionDetails)}`);
      report.values[name] = result.result?.value;
    }
    for (const [name, emulation] of Object.entries(checks.screenshots)) {
      await tools.send('Emulation.setEmulatedMedia', { media: emulation.media ?? '', features: emulation.features ?? [] }, sessionId);
      const shot = (await tools.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true }, sessionId)) as { data: string };
      const path = join(checks.outDir, `${name}.png`);
      await writeFile(path, Buffer.from(shot.data, 'base64'));
      report.screenshots[name] = path;
    }
    await tools.send('Browser.close').catch(() => undefined);
    return report;
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
}
