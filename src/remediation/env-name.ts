/**
 * A conventional environment variable name for a rule's secret, used in examples:
 * `stripe.secret-key` -> `STRIPE_SECRET_KEY`. Generic rules get `APP_SECRET`, because
 * `GENERIC_PASSWORD_ASSIGNMENT` would read as an instruction rather than an example.
 */
export function envNameFor(ruleId: string, providerId: string): string {
  if (providerId === 'generic') return 'APP_SECRET';
  const name = ruleId
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[A-Z_]/.test(name) ? name : `SECRET_${name}`;
}
