import { fillerLine, type FileFlavour } from './filler-lines.js';
import { makeFakeSecret } from './fake-secrets.js';
import { createRandom, type Random } from './prng.js';

/** What to generate. The same options always give byte-identical trees. */
export interface TreeOptions {
  seed: number;
  fileCount: number;
  /** Approximate total size in bytes (ASCII content, so also characters). */
  totalBytes: number;
  plantedCount: number;
}

/** Where a fake secret was planted. */
export interface PlantedSecret {
  kind: string;
  /** Tree-relative path with `/` separators. */
  path: string;
  /** 1-based first line of the secret. */
  line: number;
  /** How many lines it spans (a PEM block spans several). */
  lineCount: number;
}

/** One file of the tree, before its content is generated. */
export interface PlannedFile {
  path: string;
  flavour: FileFlavour;
  /** Target size in bytes; the content ends at the first line break past it. */
  size: number;
  /** Index into the planted secrets, when this file gets one. */
  plant?: number;
}

const EXTENSIONS: ReadonlyArray<[string, FileFlavour]> = [
  ['ts', 'code'],
  ['js', 'code'],
  ['py', 'code'],
  ['go', 'code'],
  ['json', 'json'],
  ['yaml', 'config'],
  ['env', 'config'],
  ['md', 'prose'],
  ['txt', 'prose'],
];
const DIRS = ['src', 'lib', 'test', 'docs', 'config', 'scripts', 'internal', 'vendor'];
const MAX_FILE_BYTES = 4 * 1024 * 1024;

function gaussian(r: Random): number {
  return Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());
}

/**
 * Lays out the tree: paths, flavours and log-normally distributed sizes (many small files, a few
 * large ones, none above 4 MiB) scaled to the total, and which files receive a planted secret.
 */
export function planTree(options: TreeOptions, r: Random): PlannedFile[] {
  const weights = Array.from({ length: options.fileCount }, () => Math.exp(1.3 * gaussian(r)));
  const scale = options.totalBytes / weights.reduce((a, b) => a + b, 0);
  const files: PlannedFile[] = weights.map((weight, i) => {
    const [ext, flavour] = r.pick(EXTENSIONS);
    const dir = `pkg-${i % 40}/${r.pick(DIRS)}/${r.pick(DIRS)}`;
    return { path: `${dir}/file-${i}.${ext}`, flavour, size: Math.min(MAX_FILE_BYTES, Math.max(200, Math.round(weight * scale))) };
  });
  const stride = Math.floor(options.fileCount / Math.max(1, options.plantedCount));
  for (let n = 0; n < options.plantedCount && n * stride < files.length; n++) {
    const file = files[n * stride + r.int(0, Math.max(0, stride - 1))];
    if (file !== undefined) file.plant = n;
  }
  return files;
}

/** Generates one file's content; when it carries a plant, inserts it and reports where. */
export function generateContent(file: PlannedFile, r: Random): { text: string; planted?: PlantedSecret } {
  const lines: string[] = [];
  let size = 0;
  while (size < file.size) {
    const line = fillerLine(r, file.flavour, file.size - size);
    lines.push(line);
    size += line.length + 1;
  }
  if (file.plant === undefined) return { text: `${lines.join('\n')}\n` };
  const secret = makeFakeSecret(r, file.plant);
  const at = r.int(0, lines.length);
  lines.splice(at, 0, ...secret.lines);
  const planted = { kind: secret.kind, path: file.path, line: at + 1, lineCount: secret.lines.length };
  return { text: `${lines.join('\n')}\n`, planted };
}

/** A generator of the whole tree, file by file, so 60 MB never has to sit in memory at once. */
export function* generateTree(options: TreeOptions): Generator<{ path: string; text: string; planted?: PlantedSecret }> {
  const r = createRandom(options.seed);
  for (const file of planTree(options, r)) yield { path: file.path, ...generateContent(file, r) };
}
