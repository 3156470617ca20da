import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';

// The vendored schema declares JSON Schema 2020-12 (see test/schemas/README.md), hence Ajv2020.
// strictRequired is off because the schema legitimately requires, inside `anyOf` branches,
// properties defined one level up (artifactLocation's `index` / `uri`).
const schema: unknown = JSON.parse(readFileSync(new URL('../../schemas/sarif-2.1.0.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
formats.default(ajv);
const validate = ajv.compile(schema as object);

/** Schema errors of a SARIF document (parsed JSON), as `instancePath: message` lines; empty when valid. */
export function sarifSchemaErrors(document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error: ErrorObject) => `${error.instancePath || '/'}: ${error.message ?? 'invalid'}`);
}
