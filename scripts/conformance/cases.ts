/** One labelled case of the conformance corpus (format: the corpus README). */
export interface ConformanceCase {
  id: string;
  /** `noseyparker`, `gitleaks` or `secretlint`. */
  source: string;
  /** Normalized provider label, e.g. `aws`, `generic`. */
  provider: string;
  /** The example text, scanned as the whole content of one file. */
  text: string;
  expect: 'secret' | 'clean';
  /** The secret substring of `text`, or null when it is unknown (and always for clean cases). */
  secret: string | null;
}

/** A cases file that cannot be read or parsed. `line` is 1-based when the problem is on one line. */
export class CaseFileError extends Error {
  readonly line: number | undefined;

  constructor(message: string, line?: number) {
    super(message);
    this.name = 'CaseFileError';
    this.line = line;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Messages name the field and line, never a value: a value may be a secret.
function caseFrom(value: unknown, line: number): ConformanceCase {
  const fail = (what: string): never => {
    throw new CaseFileError(what, line);
  };
  if (!isRecord(value)) return fail('expected a JSON object');
  for (const field of ['id', 'source', 'provider', 'text'] as const) {
    if (typeof value[field] !== 'string' || value[field] === '') fail(`"${field}" must be a non-empty string`);
  }
  const { expect, secret } = value;
  if (expect !== 'secret' && expect !== 'clean') fail('"expect" must be "secret" or "clean"');
  if (secret !== null && (typeof secret !== 'string' || secret === '')) fail('"secret" must be a non-empty string or null');
  if (expect === 'clean' && secret !== null) fail('"secret" must be null in a clean case');
  if (typeof secret === 'string' && !(value.text as string).includes(secret)) fail('"secret" does not occur in "text"');
  return {
    id: value.id as string,
    source: value.source as string,
    provider: value.provider as string,
    text: value.text as string,
    expect: expect as ConformanceCase['expect'],
    secret: secret as string | null,
  };
}

/**
 * Parses a JSON-lines cases file. Blank lines are skipped. Throws a CaseFileError naming the first
 * bad line; the message never quotes the line, because case texts hold secrets.
 */
export function parseCases(content: string): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  const seen = new Set<string>();
  content.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new CaseFileError('not valid JSON', line);
    }
    const parsed = caseFrom(value, line);
    if (seen.has(parsed.id)) throw new CaseFileError(`duplicate "id" ${parsed.id}`, line);
    seen.add(parsed.id);
    cases.push(parsed);
  });
  if (cases.length === 0) throw new CaseFileError('the file holds no cases');
  return cases;
}
