import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The build stores validated data (rule packs, the sensitive-file catalogue) as JSON so that a
// scan parses no YAML. Such a file is used only when its content proves it current: a stamp
// holds the digest of the sources it was built from and the digest of its own payload. File
// times prove nothing (a package manager writes an installed package's files in any order).

/** Layout of the compiled files; a build and a loader of different layouts never mix. */
export const COMPILED_FORMAT = 2;

/** What the build writes in front of a compiled payload. */
export interface CompiledStamp {
  format: number;
  /** sha256 (hex) of the source files the payload was built from (see digestFiles). */
  sources: string;
  /** sha256 (hex) of the payload's JSON text exactly as stored. */
  content: string;
}

/** A compiled file's payload, or why it cannot be used. */
export type CompiledRead = { payload: unknown; stamp: CompiledStamp } | { reason: string };

const PREFIX = Buffer.from('{"stamp":');
const SEPARATOR = Buffer.from(',"payload":');

/** The sha256 of `data`, hex. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The digest of files in `dir`: each name, length and content, in the order given. */
export function digestFiles(dir: string, names: readonly string[]): string {
  const hash = createHash('sha256');
  for (const name of names) {
    const bytes = readFileSync(join(dir, name));
    hash.update(`${name}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** A compiled file's text: `{"stamp":{…},"payload":PAYLOAD}`, still plain JSON. */
export function encodeCompiledJson(sources: string, payloadJson: string): string {
  const stamp: CompiledStamp = { format: COMPILED_FORMAT, sources, content: sha256Hex(payloadJson) };
  return `${PREFIX.toString()}${JSON.stringify(stamp)}${SEPARATOR.toString()}${payloadJson}}`;
}

function isStamp(value: unknown): value is CompiledStamp {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.format === 'number' && typeof v.sources === 'string' && typeof v.content === 'string';
}

function readBytes(file: string): Buffer | { reason: string } {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { reason: code === 'ENOENT' ? 'it does not exist (run the build)' : `it cannot be read (${code ?? 'error'})` };
  }
}

/**
 * Splits stored bytes into stamp and payload text; a reason when they are not a stamped file. The
 * stamp is a flat object (numbers and hex strings), so it ends at the first closing brace.
 */
function splitCompiled(bytes: Buffer): { stamp: CompiledStamp; payload: Buffer } | { reason: string } {
  const end = bytes.indexOf(0x7d, PREFIX.length) + 1;
  const isStamped = bytes.subarray(0, PREFIX.length).equals(PREFIX) && end > 0 && bytes.subarray(end, end + SEPARATOR.length).equals(SEPARATOR) && bytes[bytes.length - 1] === 0x7d;
  if (!isStamped) return { reason: 'it has no build stamp (written by an older build, or not by the build)' };
  let stamp: unknown;
  try {
    stamp = JSON.parse(bytes.subarray(PREFIX.length, end).toString('utf8'));
  } catch {
    return { reason: 'its build stamp is damaged' };
  }
  if (!isStamp(stamp)) return { reason: 'its build stamp is damaged' };
  return { stamp, payload: bytes.subarray(end + SEPARATOR.length, bytes.length - 1) };
}

/**
 * Reads a compiled file written by encodeCompiledJson. Its payload is returned only when the
 * stamp's layout is this one, its sources digest is `sources` (the digest of the sources as they
 * are now) and the payload's digest matches the stamp; otherwise the reason, for `--debug`.
 */
export function readCompiledJson(file: string, sources: string): CompiledRead {
  const bytes = readBytes(file);
  if (!Buffer.isBuffer(bytes)) return bytes;
  const split = splitCompiled(bytes);
  if ('reason' in split) return split;
  const { stamp, payload } = split;
  if (stamp.format !== COMPILED_FORMAT) return { reason: `it has layout ${stamp.format}, this version reads ${COMPILED_FORMAT}` };
  if (stamp.sources !== sources) return { reason: 'it is stale: the sources changed since it was built' };
  if (sha256Hex(payload) !== stamp.content) return { reason: 'its content does not match its build stamp (damaged or edited)' };
  try {
    return { payload: JSON.parse(payload.toString('utf8')) as unknown, stamp };
  } catch {
    return { reason: 'its content is not JSON' };
  }
}

/** A short form of a stamp for `--debug`: layout and the start of the sources digest. */
export function describeStamp(stamp: CompiledStamp): string {
  return `layout ${stamp.format}, sources sha256 ${stamp.sources.slice(0, 12)}`;
}

/** What a build-time compiled file holds and where it comes from, for readFreshCompiledJson. */
export interface CompiledSource<T> {
  /** The compiled file (under dist/). */
  file: string;
  /** The digest of its sources as they are now (see digestFiles); may throw when they cannot be read. */
  digestSources: () => string;
  /** The sources, in a reason: `the rule packs`. */
  sourcesName: string;
  /** Whether the payload has the expected shape (the stamp proves its bytes, not its layout). */
  isPayload: (payload: unknown) => payload is T;
  /** The expected shape, in a reason: `a list of packs`. */
  payloadName: string;
}

/**
 * The one "compiled JSON if fresh" loader: the payload of `source.file` when its stamp proves it
 * was built from the sources as they are now and it has the expected shape; otherwise why not
 * (for `--debug`), and the caller reads the sources instead.
 */
export function readFreshCompiledJson<T>(source: CompiledSource<T>): { payload: T; stamp: CompiledStamp } | { reason: string } {
  let sources: string;
  try {
    sources = source.digestSources();
  } catch (error) {
    return { reason: `${source.sourcesName} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const read = readCompiledJson(source.file, sources);
  if ('reason' in read) return read;
  if (!source.isPayload(read.payload)) return { reason: `its content is not ${source.payloadName}` };
  return { payload: read.payload, stamp: read.stamp };
}

/** The `origin` line of a load that passed over a compiled file: what was parsed and why. */
export function parsedBecause(parsed: string, compiledFile: string, reason: string): string {
  return `${parsed}, parsed because ${compiledFile} was not used: ${reason}`;
}
