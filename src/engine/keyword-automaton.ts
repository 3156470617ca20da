const ALPHABET = 128;
/** Inputs shorter than this are scanned as one stream. */
const TWO_STREAM_MIN = 4096;

/** Receives each keyword occurrence: its index and its exclusive end offset. */
export type KeywordHitHandler = (keywordIndex: number, end: number) => void;

/**
 * An Aho-Corasick automaton over ASCII keywords, compiled to a dense DFA (one row of 128
 * transitions per state, ASCII case folded into the table) and matched in a single pass over
 * the text. Non-ASCII characters reset to the root: no keyword contains one.
 */
export interface KeywordAutomaton {
  scan: (text: string, onHit: KeywordHitHandler) => void;
  /**
   * The same over UTF-8 bytes (offsets are byte offsets; bytes of multi-byte characters reset to
   * the root, as no keyword contains one). Indexing bytes is faster than `charCodeAt`, and files
   * and blobs arrive as bytes. Long inputs are scanned as two interleaved halves: two independent
   * chains of table lookups keep the processor busy where one would wait on each load.
   */
  scanBytes: (bytes: Uint8Array, onHit: KeywordHitHandler) => void;
  /** True when the tables were given (stored by the build), false when built here. */
  isPrebuilt: boolean;
}

function foldCase(code: number): number {
  return code >= 65 && code <= 90 ? code | 32 : code;
}

/** The trie of the keywords as flat arrays: `next[state * 128 + char]` (-1 = none) and outputs per state. */
function buildTrie(keywords: readonly string[]): { next: Int32Array; outputs: number[][]; states: number } {
  const capacity = keywords.reduce((sum, keyword) => sum + keyword.length, 0) + 1;
  const next = new Int32Array(capacity * ALPHABET).fill(-1);
  const outputs: number[][] = [[]];
  let states = 1;
  keywords.forEach((keyword, index) => {
    let state = 0;
    for (let i = 0; i < keyword.length; i++) {
      const at = state * ALPHABET + foldCase(keyword.charCodeAt(i));
      if (next[at] === -1) {
        next[at] = states++;
        outputs.push([]);
      }
      state = next[at] as number;
    }
    (outputs[state] as number[]).push(index);
  });
  return { next, outputs, states };
}

/**
 * Fills the DFA transitions breadth first, only for characters that occur in some keyword (every
 * other character leads back to the root, the table's zero default), and merges outputs along
 * failure links. Entries are row offsets (state * 128); upper-case columns repeat lower-case ones.
 */
function buildTable(next: Int32Array, outputs: number[][], states: number, alphabet: readonly number[]): Int32Array {
  const table = new Int32Array(states * ALPHABET);
  const fail = new Int32Array(states);
  const queue: number[] = [];
  const setBoth = (state: number, code: number, target: number): void => {
    table[state * ALPHABET + code] = target * ALPHABET;
    if (code >= 97 && code <= 122) table[state * ALPHABET + code - 32] = target * ALPHABET;
  };
  for (const c of alphabet) {
    const child = next[c] as number;
    if (child !== -1) {
      setBoth(0, c, child);
      queue.push(child);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as number;
    const failOutputs = outputs[fail[state] as number] as number[];
    if (failOutputs.length > 0) outputs[state] = [...(outputs[state] as number[]), ...failOutputs];
    for (const c of alphabet) {
      const child = next[state * ALPHABET + c] as number;
      const viaFail = (table[(fail[state] as number) * ALPHABET + c] as number) / ALPHABET;
      if (child === -1) {
        if (viaFail !== 0) setBoth(state, c, viaFail);
      } else {
        setBoth(state, c, child);
        fail[child] = viaFail;
        queue.push(child);
      }
    }
  }
  return table;
}

/**
 * The automaton's data: the transition table (rows of 128, states with outputs negated) and the
 * keywords each state reports. Building it for hundreds of keywords takes tens of milliseconds,
 * a pre-commit hook's budget, so the build step stores the built-in rules' tables (see
 * `automaton-file.ts`) and a scan reuses them when its keywords are the same.
 */
export interface AutomatonTables {
  /** The keywords, in order; an automaton is only reused for exactly these. */
  keywords: readonly string[];
  table: Int32Array;
  outputsByState: readonly (readonly number[])[];
}

/** Computes the tables for `keywords` (non-empty printable ASCII; rule validation ensures it). */
export function buildAutomatonTables(keywords: readonly string[]): AutomatonTables {
  const { next, outputs, states } = buildTrie(keywords);
  const alphabet = [...new Set(keywords.flatMap((keyword) => [...keyword].map((char) => foldCase(char.charCodeAt(0)))))];
  const table = buildTable(next, outputs, states, alphabet);
  // States with outputs are stored negated (~offset) in the table, so the hot loop tests one value
  // instead of loading a flag.
  for (let at = 0; at < table.length; at++) {
    const target = table[at] as number;
    if ((outputs[target / ALPHABET] as number[]).length > 0) table[at] = ~target;
  }
  return { keywords, table, outputsByState: outputs };
}

/** Builds the automaton, from tables built before for the same keywords when given. */
export function buildKeywordAutomaton(keywords: readonly string[], prebuilt?: AutomatonTables): KeywordAutomaton {
  const isReusable = prebuilt !== undefined && prebuilt.keywords.length === keywords.length && prebuilt.keywords.every((k, i) => k === keywords[i]);
  const { table, outputsByState } = isReusable ? prebuilt : buildAutomatonTables(keywords);
  const report = (state: number, end: number, onHit: KeywordHitHandler): void => {
    for (const keyword of outputsByState[state] as number[]) onHit(keyword, end);
  };
  const longest = keywords.reduce((max, keyword) => Math.max(max, keyword.length), 1);
  /** One stream over `[from, to)`, reporting hits that end after `reportAfter`. */
  const scanRange = (bytes: Uint8Array, from: number, to: number, reportAfter: number, onHit: KeywordHitHandler): void => {
    let row = 0;
    for (let i = from; i < to; i++) {
      const code = bytes[i] as number;
      row = code < ALPHABET ? (table[row + code] as number) : 0;
      if (row < 0) {
        row = ~row;
        if (i + 1 > reportAfter) report(row / ALPHABET, i + 1, onHit);
      }
    }
  };
  /** The first half `[0, mid)` and the second `[start2, length)` in lockstep. */
  const scanTwo = (bytes: Uint8Array, mid: number, start2: number, onFirst: KeywordHitHandler, onSecond: KeywordHitHandler): void => {
    let a = 0;
    let b = 0;
    const offset = start2;
    const steps = mid;
    for (let i = 0; i < steps; i++) {
      const c1 = bytes[i] as number;
      const c2 = bytes[offset + i] as number;
      a = c1 < ALPHABET ? (table[a + c1] as number) : 0;
      b = c2 < ALPHABET ? (table[b + c2] as number) : 0;
      if ((a | b) < 0) {
        if (a < 0) {
          a = ~a;
          report(a / ALPHABET, i + 1, onFirst);
        }
        if (b < 0) {
          b = ~b;
          if (offset + i + 1 > mid) report(b / ALPHABET, offset + i + 1, onSecond);
        }
      }
    }
    for (let i = offset + steps; i < bytes.length; i++) {
      const code = bytes[i] as number;
      b = code < ALPHABET ? (table[b + code] as number) : 0;
      if (b < 0) {
        b = ~b;
        if (i + 1 > mid) report(b / ALPHABET, i + 1, onSecond);
      }
    }
  };
  return {
    isPrebuilt: isReusable,
    scan(text, onHit) {
      let row = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code >= ALPHABET) {
          row = 0;
          continue;
        }
        row = table[row + code] as number;
        if (row < 0) {
          row = ~row;
          report(row / ALPHABET, i + 1, onHit);
        }
      }
    },
    scanBytes(bytes, onHit) {
      if (bytes.length < TWO_STREAM_MIN) {
        scanRange(bytes, 0, bytes.length, 0, onHit);
        return;
      }
      // The second half starts early by the longest keyword, so a keyword across the middle is
      // found there; each half reports only hits that end inside it. The second half's hits are
      // held back so that every hit is still reported in order.
      const mid = bytes.length >> 1;
      const later: number[] = [];
      scanTwo(bytes, mid, Math.max(0, mid - longest + 1), onHit, (keyword, end) => void later.push(keyword, end));
      for (let i = 0; i < later.length; i += 2) onHit(later[i] as number, later[i + 1] as number);
    },
  };
}
