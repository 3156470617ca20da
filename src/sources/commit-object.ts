import { TextDecoder } from 'node:util';
import type { CommitInfo } from '../findings/index.js';

/** A commit or annotated tag, read from its raw object: who made it, when, and its message. */
export interface MessageObject {
  commit: CommitInfo;
  /** The message, trailing newlines removed; a tag's signature block is left out. */
  message: string;
}

/** `1704164645 +0130` as ISO 8601 in that offset, as git's `%aI` prints it: `2024-01-02T03:34:05+01:30`. */
export function isoDateOf(seconds: string, zone: string): string {
  const zoneMatch = /^([+-])(\d\d)(\d\d)$/.exec(zone);
  const sign = zoneMatch?.[1] === '-' ? -1 : 1;
  const offsetMinutes = zoneMatch === null ? 0 : sign * (Number(zoneMatch[2]) * 60 + Number(zoneMatch[3]));
  const local = new Date((Number(seconds) + offsetMinutes * 60) * 1000);
  if (Number.isNaN(local.getTime())) return '';
  const offset = zoneMatch === null ? '+00:00' : `${zoneMatch[1]}${zoneMatch[2]}:${zoneMatch[3]}`;
  return `${local.toISOString().slice(0, 19)}${offset}`;
}

/** `Name <email> 1704164645 +0000` -> the person (`Name <email>`) and the ISO date. */
function personOf(value: string): { person: string; date: string } {
  const parts = value.split(' ');
  const zone = parts.at(-1) ?? '';
  const seconds = parts.at(-2) ?? '';
  if (!/^\d+$/.test(seconds)) return { person: value, date: '' };
  return { person: parts.slice(0, -2).join(' '), date: isoDateOf(seconds, zone) };
}

function decoderFor(label: string | undefined): TextDecoder {
  try {
    return new TextDecoder(label ?? 'utf-8');
  } catch {
    return new TextDecoder('utf-8');
  }
}

const SIGNATURE_START = /\n-----BEGIN (?:PGP|SSH) SIGNATURE-----\n[\s\S]*$/;

/**
 * Parses a raw commit or tag object (`git cat-file commit|tag`): header lines up to the first
 * empty line (continuation lines start with a space), then the message in the object's
 * `encoding` (UTF-8 unless it says otherwise). Nothing in the message can break the parse: the
 * object's length is known and the message is simply the rest.
 */
export function parseMessageObject(sha: string, content: Buffer): MessageObject {
  const split = content.indexOf('\n\n');
  const headerText = (split === -1 ? content : content.subarray(0, split)).toString('utf8');
  const headers = new Map<string, string>();
  for (const line of headerText.split('\n')) {
    if (line.startsWith(' ')) continue;
    const space = line.indexOf(' ');
    if (space > 0 && !headers.has(line.slice(0, space))) headers.set(line.slice(0, space), line.slice(space + 1));
  }
  const body = split === -1 ? '' : decoderFor(headers.get('encoding')).decode(content.subarray(split + 2));
  const isTag = headers.has('tagger') || (headers.has('object') && headers.has('tag'));
  const message = (isTag ? body.replace(SIGNATURE_START, '\n') : body).replace(/\n+$/, '');
  const { person, date } = personOf(headers.get('author') ?? headers.get('tagger') ?? '');
  return { commit: { sha, author: person, date }, message };
}
