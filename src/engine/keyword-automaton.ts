const ALPHABET = 128;
const NEWLINE = 10;

/** Receives each keyword occurrence: its index, its exclusive end offset, and where its line starts. */
export type KeywordHitHandler = (keywordIndex: number, end: number, lineStart: number) => void;

/**
 * An Aho-Corasick automaton over ASCII keywords, compiled to a dense DFA (one row of 128
 * transitions per state, ASCII case folded into the table) and matched in a single pass over
 * the text. Non-ASCII characters reset to the root: no keyword contains one. The pass also
 * tracks line starts, so callers get each hit's line without searching for it again.
 */
export interface KeywordAutomaton {
  scan: (text: string, onHit: KeywordHitHandler) => void;
  /**
   * The same over ASCII bytes (offsets are then the same as in the decoded text). Indexing bytes
   * is about a third faster than `charCodeAt`, and history blobs and files arrive as bytes.
   */
  scanBytes: (bytes: Uint8Array, onHit: KeywordHitHandler) => void;
}

function foldCase(code: number): number {
  return code >= 65 && code <= 90 ? code | 32 : code;
}

function buildTrie(keywords: readonly string[]): { next: number[][]; outputs: number[][] } {
  const next: number[][] = [new Array<number>(ALPHABET).fill(-1)];
  const outputs: number[][] = [[]];
  keywords.forEach((keyword, index) => {
    let state = 0;
    for (let i = 0; i < keyword.length; i++) {
      const code = foldCase(keyword.charCodeAt(i));
      const row = next[state] as number[];
      if (row[code] === -1) {
        row[code] = next.length;
        next.push(new Array<number>(ALPHABET).fill(-1));
        outputs.push([]);
      }
      state = row[code] as number;
    }
    (outputs[state] as number[]).push(index);
  });
  return { next, outputs };
}

/** Fills the DFA transitions (as state numbers) and merges outputs along failure links, breadth first. */
function buildTransitions(next: number[][], outputs: number[][]): Int32Array {
  const table = new Int32Array(next.length * ALPHABET);
  const fail = new Int32Array(next.length);
  const queue: number[] = [];
  for (let c = 0; c < ALPHABET; c++) {
    const child = (next[0] as number[])[c] as number;
    table[c] = child === -1 ? 0 : child;
    if (child !== -1) queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head] as number;
    const failOutputs = outputs[fail[state] as number] as number[];
    if (failOutputs.length > 0) outputs[state] = [...(outputs[state] as number[]), ...failOutputs];
    for (let c = 0; c < ALPHABET; c++) {
      const child = (next[state] as number[])[c] as number;
      const viaFail = table[(fail[state] as number) * ALPHABET + c] as number;
      if (child === -1) {
        table[state * ALPHABET + c] = viaFail;
      } else {
        table[state * ALPHABET + c] = child;
        fail[child] = viaFail;
        queue.push(child);
      }
    }
  }
  return table;
}

/** Builds the automaton. Keywords must be non-empty printable ASCII (rule validation ensures it). */
export function buildKeywordAutomaton(keywords: readonly string[]): KeywordAutomaton {
  const { next, outputs } = buildTrie(keywords);
  const states = buildTransitions(next, outputs);
  // Hot-loop layout: entries hold the next state's row offset (state * 128), upper-case columns
  // repeat the lower-case ones; outputs are looked up by state (row >> 7).
  const table = new Int32Array(states.length);
  for (let row = 0; row < next.length; row++) {
    for (let c = 0; c < ALPHABET; c++) {
      table[row * ALPHABET + c] = (states[row * ALPHABET + foldCase(c)] as number) * ALPHABET;
    }
  }
  const outputsByRow: (number[] | undefined)[] = [];
  const hasOutput = new Uint8Array(next.length);
  outputs.forEach((list, state) => {
    hasOutput[state] = list.length > 0 ? 1 : 0;
    outputsByRow[state] = list;
  });
  return {
    scan(text, onHit) {
      let row = 0;
      let lineStart = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code >= ALPHABET) {
          row = 0;
          continue;
        }
        if (code === NEWLINE) lineStart = i + 1;
        row = table[row + code] as number;
        if (hasOutput[row >> 7] === 1) {
          for (const keyword of outputsByRow[row >> 7] as number[]) onHit(keyword, i + 1, lineStart);
        }
      }
    },
    scanBytes(bytes, onHit) {
      let row = 0;
      let lineStart = 0;
      for (let i = 0; i < bytes.length; i++) {
        const code = bytes[i] as number;
        if (code === NEWLINE) lineStart = i + 1;
        row = table[row + code] as number;
        if (hasOutput[row >> 7] === 1) {
          for (const keyword of outputsByRow[row >> 7] as number[]) onHit(keyword, i + 1, lineStart);
        }
      }
    },
  };
}
