import type { RulePack } from '../../rules/index.js';
import type { InputShape } from './adversarial-inputs.js';

/** Main thread to worker: time one rule on these shapes. */
export interface SpeedRequest {
  rule: number;
  pattern: string;
  flags: string;
  /** The rule alone, for compiling it in the worker for the matcher shapes. */
  pack: RulePack;
  regexShapes: InputShape[];
  matcherShapes: InputShape[];
}

/** `regex`: the rule's pattern alone over the input; `matcher`: a real scan with only this rule loaded. */
export type TimedKind = 'regex' | 'matcher';

/** Worker to main thread, in order: `start` before each timed run, `time` per shape, `done` per rule. */
export type SpeedReply =
  | { type: 'start'; rule: number; kind: TimedKind; shape: string; size: number; smallMs?: number }
  | { type: 'time'; rule: number; kind: TimedKind; shape: string; smallMs: number; largeMs?: number }
  | { type: 'done'; rule: number };
