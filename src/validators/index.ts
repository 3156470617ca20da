import { validateBech32Checksum } from './bech32.js';
import { validateEncodedCredential } from './encoded-credential.js';
import { failedCheck } from './failed-check.js';
import { validateGithubChecksum, validateNpmChecksum } from './github-checksum.js';
import { gradeAlpacaMode, gradeStripeMode, validateAwsKeyId } from './grading.js';
import { validateJwtStructure } from './jwt-structure.js';
import { validatePemStructure } from './pem-structure.js';
import type { Validator } from './types.js';

export type { Validator, Verdict } from './types.js';

/** Validators by the name rules use in `validators:`. */
export const VALIDATORS: Readonly<Record<string, Validator>> = {
  'github-checksum': validateGithubChecksum,
  'npm-checksum': validateNpmChecksum,
  'bech32-checksum': validateBech32Checksum,
  'jwt-structure': validateJwtStructure,
  'pem-structure': validatePemStructure,
  'stripe-mode': gradeStripeMode,
  'alpaca-mode': gradeAlpacaMode,
  'aws-key-id': validateAwsKeyId,
  'encoded-credential': validateEncodedCredential,
  'github-checksum-fails': failedCheck(validateGithubChecksum),
  'npm-checksum-fails': failedCheck(validateNpmChecksum),
  'bech32-checksum-fails': failedCheck(validateBech32Checksum),
  'jwt-structure-fails': failedCheck(validateJwtStructure),
};

export const VALIDATOR_NAMES: readonly string[] = Object.keys(VALIDATORS);
