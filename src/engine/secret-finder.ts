import { redact } from '../findings/index.js';

/** Rabin-Karp modulus (a Mersenne prime) and base: every product stays below 2^53. */
const MODULUS = 2147483647;
const BASE = 65599;

function hashOf(text: string, from: number, length: number): number {
  let hash = 0;
  for (let i = from; i < from + length; i++) hash = (hash * BASE + text.charCodeAt(i)) % MODULUS;
  return hash;
}

/**
 * Secrets of one length, by rolling hash (one secret, or a list when hashes collide: no array per
 * secret, as a file can hold a million); `lead` is BASE^(length-1), to drop a window's first character.
 */
interface SameLength {
  length: number;
  lead: number;
  byHash: Map<number, string | string[]>;
}

/** Adds `secret` to the bucket of `hash`, once. */
function addTo(byHash: Map<number, string | string[]>, hash: number, secret: string): void {
  const known = byHash.get(hash);
  if (known === undefined) byHash.set(hash, secret);
  else if (typeof known === 'string') {
    if (known !== secret) byHash.set(hash, [known, secret]);
  } else if (!known.includes(secret)) known.push(secret);
}

/**
 * Finds every copy of any of a chunk's detected secrets inside a short text (a context line), in
 * time proportional to the text times the number of distinct secret lengths, never to the number
 * of secrets: a file can hold a million distinct ones, sharing any prefix or suffix. One rolling
 * hash per length (Rabin-Karp), each hit confirmed by comparing the text.
 */
export class SecretFinder {
  /** The longest secret's length (0 when there is none). */
  readonly longest: number;
  private readonly lengths: SameLength[] = [];

  constructor(secrets: Iterable<string>) {
    const byLength = new Map<number, SameLength>();
    for (const secret of secrets) {
      if (secret === '' || secret.includes('\n')) continue;
      let group = byLength.get(secret.length);
      if (group === undefined) {
        let lead = 1;
        for (let i = 1; i < secret.length; i++) lead = (lead * BASE) % MODULUS;
        byLength.set(secret.length, (group = { length: secret.length, lead, byHash: new Map() }));
      }
      addTo(group.byHash, hashOf(secret, 0, secret.length), secret);
    }
    this.lengths = [...byLength.values()];
    this.longest = this.lengths.reduce((longest, group) => Math.max(longest, group.length), 0);
  }

  /** Copies in `text` as [start, secret], in no particular order. */
  private occurrences(text: string): [number, string][] {
    const found: [number, string][] = [];
    for (const { length, lead, byHash } of this.lengths) {
      if (length > text.length) continue;
      let hash = hashOf(text, 0, length);
      for (let start = 0; ; start++) {
        const known = byHash.get(hash);
        if (typeof known === 'string') {
          if (text.startsWith(known, start)) found.push([start, known]);
        } else if (known !== undefined) {
          for (const secret of known) if (text.startsWith(secret, start)) found.push([start, secret]);
        }
        if (start + length >= text.length) break;
        const dropped = (text.charCodeAt(start) * lead) % MODULUS;
        hash = (((hash - dropped + MODULUS) % MODULUS) * BASE + text.charCodeAt(start + length)) % MODULUS;
      }
    }
    return found;
  }

  /**
   * `text` with every copy of a detected secret replaced by its preview: longest secrets first,
   * then left to right, copies never overlapping. Also returns where `focus` (an offset in `text`)
   * lands in the result.
   */
  redactIn(text: string, focus = 0): { text: string; focus: number } {
    const found = this.occurrences(text);
    if (found.length === 0) return { text, focus };
    found.sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
    const taken = new Uint8Array(text.length);
    const chosen: [number, string][] = [];
    for (const [start, secret] of found) {
      if (taken.subarray(start, start + secret.length).some((flag) => flag === 1)) continue;
      taken.fill(1, start, start + secret.length);
      chosen.push([start, secret]);
    }
    chosen.sort((a, b) => a[0] - b[0]);
    let out = '';
    let at = 0;
    let shifted = focus;
    for (const [start, secret] of chosen) {
      const preview = redact(secret);
      out += text.slice(at, start) + preview;
      if (start + secret.length <= focus) shifted += preview.length - secret.length;
      else if (start < focus) shifted = out.length;
      at = start + secret.length;
    }
    return { text: out + text.slice(at), focus: shifted };
  }
}
