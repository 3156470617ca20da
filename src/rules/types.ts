import type { PathClassName } from './path-classes.js';
import type { Severity } from '../findings/index.js';

/**
 * What to do at the provider once a key of this kind has leaked. Lives in the pack's `provider`
 * block and is shared by every rule in the pack.
 */
export interface ProviderRemediation {
  /** The exact page where the key is rotated or revoked. */
  rotateUrl: string;
  /** Ordered, imperative steps, e.g. "Roll the key", "Update the deployment". */
  steps: string[];
}

/** The provider a pack is about, as written in its `provider:` block. */
export interface ProviderSpec {
  /** Lower-case id; the first part of every rule id in the pack. */
  id: string;
  /** Display name, e.g. "Stripe". */
  name: string;
  remediation: ProviderRemediation;
}

/** A rule exactly as written in YAML (see README "Rule packs"). */
export interface RuleSpec {
  /** `provider.kind`, lower case, hyphens inside the kind. Unique across all packs. */
  id: string;
  name: string;
  description: string;
  severity: Severity;
  /** JavaScript RegExp source. The secret is the named group `secret`, else the whole match. */
  pattern: string;
  /** Compile the pattern with the `i` flag. Default: false. */
  ignoreCase?: boolean;
  /** Literal strings, at least one of which occurs (case-insensitively) in every match. */
  keywords: string[];
  /** Minimum Shannon entropy of the secret in bits per character. Default: no minimum. */
  entropy?: number;
  /** Names of offline validators (see README); each may reject or re-grade a match. */
  validators?: string[];
  /** picomatch globs: when present, the rule only runs on matching paths. */
  paths?: string[];
  /**
   * Severity by where the secret is: the first entry whose gitignore-style `paths` (or the named
   * path `class`, see src/rules/path-classes.ts) match the file wins, else `severity`. For rules
   * whose weight depends on the file (a weak password in `.env.production` vs in a test fixture).
   * Every rule ends with the entry `{ class: tests-and-docs, severity: low }`. Validators may still
   * re-grade afterwards.
   */
  severityByPath?: { paths?: string[]; class?: PathClassName; severity: Severity }[];
  /**
   * The rule reads decoded values instead of the text. `kubernetes-secret`: each `data:` entry of a
   * `kind: Secret` manifest, shown to the pattern as `key: decoded value`; a match is reported on
   * the encoded value. The keywords then only say when to look (e.g. `secret`).
   */
  decoder?: 'kubernetes-secret';
  /** The pattern may span lines (PEM blocks); the matcher then looks past the keyword's line. */
  multiline?: boolean;
  /**
   * Every match starts with one of the keywords: the matcher then tries the pattern only at each
   * keyword hit (a sticky match) instead of searching the keyword's line. For rules whose keywords
   * are common words (the generic rules). Default: false.
   */
  startsWithKeyword?: boolean;
  references: string[];
  tags: string[];
  /** Texts in which the rule must find a secret. At least two. */
  examples: string[];
  /** Near misses in which the rule must find nothing. At least one. */
  negativeExamples: string[];
  /**
   * How `--verify` asks the provider whether a found secret is still accepted (see src/verify and
   * README "Live verification"). Built-in packs only; the config refuses it on custom rules.
   */
  verify?: VerifySpec;
}

/** A value a verifier template may hold: `{{secret}}`, `{{secret-path}}` or `{{partner:<rule-id>}}`. */
export type VerifyTemplate = string;

/** One HTTPS request a verifier may send; the first whose `when` holds is sent. */
export interface VerifyRequestSpec {
  /** Send this request only when the template's value starts with one of `prefix`. */
  when?: { value: VerifyTemplate; prefix: string[] };
  method: 'GET' | 'POST';
  /** `https://` on one of the provider's allowed hosts; templates only after the host. */
  url: VerifyTemplate;
  headers?: Record<string, VerifyTemplate>;
  /** HTTP Basic authentication, encoded by the verifier. */
  basicAuth?: { user: VerifyTemplate; password: VerifyTemplate };
  /** A form body (`application/x-www-form-urlencoded`). */
  form?: Record<string, VerifyTemplate>;
  /** A JSON body; string values may hold templates. */
  json?: Record<string, unknown>;
}

/** A value a response matcher compares a JSON field with. */
export type JsonScalar = string | number | boolean | null;

/** What a response must look like to mean live (or revoked): one of `status`, and every `json` field. */
export interface ResponseMatcherSpec {
  status: number[];
  /** Dotted paths into the JSON body and the value each must have (or one of a list), e.g. `ok: true`. */
  json?: Record<string, JsonScalar | JsonScalar[]>;
}

/** The `verify:` block of a rule. Exactly one of `requests`, `code` or `unverifiable`. */
export interface VerifySpec {
  /** A rule whose value the request needs too (a key id for its secret), found beside the secret. */
  partner?: string;
  /** Why no request can tell: the status is always `unknown` with this reason. */
  unverifiable?: string;
  /** A verifier written in code because the request must be signed (`aws-sts`). */
  code?: string;
  requests?: VerifyRequestSpec[];
  live?: ResponseMatcherSpec;
  revoked?: ResponseMatcherSpec;
}

/** One YAML file of rules, plus where it came from. */
export interface RulePack {
  /** Path of the YAML file as given (for messages). */
  file: string;
  provider: ProviderSpec;
  rules: RuleSpec[];
}

/** A compiled rule: the spec plus what the matcher needs. */
export interface Rule {
  spec: RuleSpec;
  provider: ProviderSpec;
  /** File the rule came from, for messages. */
  file: string;
  /** Compiled with flags `gd` (+ `i` when `ignoreCase`). Shared: always reset `lastIndex` before use. */
  regex: RegExp;
  /** The same pattern with flags `yd` (sticky), when `startsWithKeyword` is set. */
  stickyRegex?: RegExp;
  /** The same again with flag `y` only: a test that allocates nothing, run before `stickyRegex`. */
  stickyProbe?: RegExp;
  /** Lower-cased keywords. */
  keywords: string[];
  /** Whether `paths` lets the rule run on this path (always true when `paths` is absent). */
  matchesPath: (path: string) => boolean;
  /** The severity `severityByPath` gives a path, when an entry matches it. */
  severityFor?: (path: string) => Severity | undefined;
  /** Short hash of pattern and flags; equal for rules that match the same way. */
  structuralId: string;
}
