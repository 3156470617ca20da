const ALPHABET = 128;
const NEWLINE = 10;

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
   * The same over ASCII bytes (offsets are then the same as in the decoded text). Indexing bytes
   * is about a third faster than `charCodeAt`, and history blobs and files arrive as bytes.
   */
  scanBytes: (bytes: Uint8Array, onHit: KeywordHitHandler) => void;
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

/** Builds the automaton. Keywords must be non-empty printable ASCII (rule validation ensures it). */
export function buildKeywordAutomaton(keywords: readonly string[]): KeywordAutomaton {
  const { next, outputs, states } = buildTrie(keywords);
  const alphabet = [...new Set(keywords.flatMap((keyword) => [...keyword].map((char) => foldCase(char.charCodeAt(0)))))];
  const table = buildTable(next, outputs, states, alphabet);
  // States with outputs are stored negated (~offset) in the table, so the hot loop tests one value
  // instead of loading a flag.
  const outputsByState: number[][] = outputs;
  for (let at = 0; at < table.length; at++) {
    const target = table[at] as number;
    if ((outputsByState[target / ALPHABET] as number[]).length > 0) table[at] = ~target;
  }
  const report = (state: number, end: number, onHit: KeywordHitHandler): void => {
    for (const keyword of outputsByState[state] as number[]) onHit(keyword, end);
  };
  return {
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
      let row = 0;
      for (let i = 0; i < bytes.length; i++) {
        row = table[row + (bytes[i] as number)] as number;
        if (row < 0) {
          row = ~row;
          report(row / ALPHABET, i + 1, onHit);
        }
      }
    },
  };
}
