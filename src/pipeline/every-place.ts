import { createValueSweep, type ScanInput } from '../engine/index.js';
import type { Finding, Occurrence, ValuePlace } from '../findings/index.js';

/** Places listed per value at most; more are counted in a notice (a value repeated a million times in a file). */
export const MAX_PLACES_PER_VALUE = 10_000;

/**
 * Distinct found values the second pass looks for at most. Its automaton grows with the values
 * (100,000 of them cost over a gigabyte); past this a scan of a finding-rich file skips the pass and
 * says so. The purge replaces every copy of a value whether or not it was listed.
 */
export const MAX_SWEPT_VALUES = 10_000;

/**
 * How many bytes of input a scan keeps for its second pass. A scan that read no more than this
 * (a staged change, a pull request's range, a small tree) looks for found values in what it kept;
 * a larger one reads its source again (the files, or the blobs through `git cat-file`), which
 * costs a second read only when something was found.
 */
export const RETAINED_INPUT_BYTES = 32 * 1024 * 1024;

/** Where each found value sits, by secret id, and how many places were left out past the cap. */
export interface EveryPlace {
  places: Map<string, ValuePlace[]>;
  omitted: number;
  /** Set when more than MAX_SWEPT_VALUES distinct values were found and the pass was skipped: how many. */
  unsweptValues?: number;
}

/**
 * The inputs a scan read, kept until they exceed `budget` bytes (then all are let go). Byte inputs
 * count their underlying buffer once however many inputs share it: that is what stays in memory.
 */
export class RetainedInputs {
  private kept: ScanInput[] | undefined = [];
  private readonly buffers = new Set<ArrayBufferLike>();
  private size = 0;

  constructor(private readonly budget: number) {}

  /** Passes the inputs through, keeping them while they fit. */
  async *through(inputs: AsyncIterable<ScanInput>): AsyncGenerator<ScanInput> {
    for await (const input of inputs) {
      this.keep(input);
      yield input;
    }
  }

  /** What was kept, or undefined when the inputs outgrew the budget. */
  replay(): ScanInput[] | undefined {
    return this.kept;
  }

  private keep(input: ScanInput): void {
    if (this.kept === undefined) return;
    if ('bytes' in input) {
      if (!this.buffers.has(input.bytes.buffer)) {
        this.buffers.add(input.bytes.buffer);
        this.size += input.bytes.buffer.byteLength;
      }
    } else {
      this.size += input.text.length * 2;
    }
    if (this.size <= this.budget) {
      this.kept.push(input);
      return;
    }
    this.kept = undefined;
    this.buffers.clear();
  }
}

/**
 * The second pass: every place in `inputs` where the value of one of `findings` sits, found by the
 * value (one automaton over all of them) whether or not a rule matched there. `values` maps secret
 * ids to raw values; only the ids of `findings` are looked for, and nothing raw is returned.
 */
export async function sweepFoundValues(findings: readonly Finding[], values: ReadonlyMap<string, string>, inputs: Iterable<ScanInput> | AsyncIterable<ScanInput>, signal?: AbortSignal): Promise<EveryPlace> {
  const idsByValue = new Map<string, string[]>();
  for (const { secretId } of findings) {
    const value = values.get(secretId);
    if (value === undefined) continue;
    const ids = idsByValue.get(value);
    if (ids === undefined) idsByValue.set(value, [secretId]);
    else if (!ids.includes(secretId)) ids.push(secretId);
  }
  const found: EveryPlace = { places: new Map(), omitted: 0 };
  if (idsByValue.size === 0) return found;
  if (idsByValue.size > MAX_SWEPT_VALUES) return { ...found, unsweptValues: idsByValue.size };
  const list = [...idsByValue.keys()];
  const byValue = list.map((): ValuePlace[] => []);
  const sweep = createValueSweep(list);
  const onPlace = (value: number, place: ValuePlace): void => {
    const places = byValue[value] as ValuePlace[];
    if (places.length < MAX_PLACES_PER_VALUE) places.push(place);
    else found.omitted++;
  };
  for await (const input of inputs) {
    if (signal?.aborted === true) break;
    sweep.placesIn(input, onPlace);
  }
  list.forEach((value, index) => {
    for (const id of idsByValue.get(value) ?? []) found.places.set(id, byValue[index] as ValuePlace[]);
  });
  return found;
}

function placeKey(place: Occurrence): string {
  return `${place.path}\0${place.startLine}\0${place.startColumn}\0${place.commit?.sha ?? ''}`;
}

function occurrenceOf(place: Occurrence): Occurrence {
  const occurrence: Occurrence = { path: place.path, startLine: place.startLine, startColumn: place.startColumn };
  if (place.byteOffset !== undefined) occurrence.byteOffset = place.byteOffset;
  if (place.commit !== undefined) occurrence.commit = place.commit;
  return occurrence;
}

/**
 * Findings of a scan other than a history audit, each with every place its value sits (its own,
 * those of findings with the same secret id, and those the second pass found) as occurrences, set
 * when there is more than one place.
 */
export function withEveryPlace(findings: readonly Finding[], places: ReadonlyMap<string, readonly ValuePlace[]>): Finding[] {
  const byId = new Map<string, Map<string, Occurrence>>();
  const add = (id: string, place: Occurrence): void => {
    let known = byId.get(id);
    if (known === undefined) byId.set(id, (known = new Map()));
    const key = placeKey(place);
    if (!known.has(key)) known.set(key, occurrenceOf(place));
  };
  for (const finding of findings) add(finding.secretId, finding);
  for (const [id, list] of places) if (byId.has(id)) for (const place of list) add(id, place);
  return findings.map((finding) => {
    const all = byId.get(finding.secretId);
    return all === undefined || all.size < 2 ? finding : { ...finding, occurrences: [...all.values()] };
  });
}
