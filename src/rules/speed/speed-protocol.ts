import type { RulePack } from '../types.js';
import type { InputShape } from './adversarial-inputs.js';

/** The limits the worker applies while timing (from speed-limits.ts, so they are defined once). */
export interface WorkerLimits {
  small: number;
  medium: number;
  large: number;
  largeRunFromMs: number;
  floorMs: number;
  growthLimit: number;
  mediumGrowthLimit: number;
  confirmRuns: number;
}

/**
 * What a timing worker starts with. `modules` are the compiled rules and engine entry points
 * (dist/src/{rules,engine}/index.js); without them (the GitHub Action's single-file bundle ships
 * no dist/) only the regex shapes are timed.
 */
export interface SpeedWorkerSetup {
  limits: WorkerLimits;
  modules?: { rules: string; engine: string };
}

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
