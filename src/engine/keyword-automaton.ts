const ALPHABET = 128;

/**
 * An Aho-Corasick automaton over ASCII keywords, compiled to a dense DFA (one Int32Array row of
 * 128 transitions per state) and matched case-insensitively in a single pass over the text.
 * Non-ASCII characters reset to the root: no keyword contains one.
 */
export interface KeywordAutomaton {
  /** Calls `onHit(keywordIndex, endOffset)` for every occurrence; `endOffset` is exclusive. */
  scan: (text: string, onHit: (keywordIndex: number, end: number) => void) => void;
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

/** Builds the automaton. Keywords must be non-empty printable ASCII (rule validation ensures it). */
export function buildKeywordAutomaton(keywords: readonly string[]): KeywordAutomaton {
  const { next, outputs } = buildTrie(keywords);
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
  const hasOutput = new Uint8Array(next.length);
  outputs.forEach((list, state) => (hasOutput[state] = list.length > 0 ? 1 : 0));
  return {
    scan(text, onHit) {
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code >= ALPHABET) {
          state = 0;
          continue;
        }
        state = table[state * ALPHABET + (code >= 65 && code <= 90 ? code | 32 : code)] as number;
        if (hasOutput[state] === 1) {
          for (const keyword of outputs[state] as number[]) onHit(keyword, i + 1);
        }
      }
    },
  };
}
