import type { Severity } from '../../findings/index.js';
import type { Result } from 'sarif';

/**
 * `security-severity` per severity, on GitHub's CVSS-like scale (critical >= 9.0, high 7.0-8.9,
 * medium 4.0-6.9, low 0.1-3.9). `high` sits at the top of GitHub's "High" band rather than in
 * "Critical": a match is an unverified candidate (we never call the provider), and "Critical" is
 * better kept for a verified live credential.
 */
export const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = { high: '8.9', medium: '5.5', low: '2.0' };

/** SARIF `level` per severity: high is an error, medium a warning, low a note. */
export const SARIF_LEVEL: Readonly<Record<Severity, Result.level>> = { high: 'error', medium: 'warning', low: 'note' };
