/** The values a verifier's templates are filled with. */
export interface TemplateValues {
  secret: string;
  /** Partner values by rule id (`{{partner:<rule-id>}}`). */
  partners: ReadonlyMap<string, string>;
}

/** Where a rendered value goes: each place encodes it so it cannot escape into another part. */
export type TemplatePlace = 'url' | 'header' | 'body';

const PLACEHOLDER = /\{\{(secret|secret-path|partner:[a-z0-9.-]+)\}\}/g;

/** Every placeholder name in a template, e.g. `secret`, `partner:alpaca.secret-key`. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

/** Whether `template` holds `{{…}}` text that is not a known placeholder. */
export function hasUnknownPlaceholder(template: string): boolean {
  return /\{\{|\}\}/.test(template.replace(PLACEHOLDER, ''));
}

/**
 * The path and query of a secret that is itself a URL (a webhook), for `{{secret-path}}`: the
 * request goes to the verifier's own host, never to the host written in the secret.
 */
function pathOf(secret: string): string | undefined {
  try {
    const url = new URL(secret);
    return url.protocol === 'https:' || url.protocol === 'http:' ? `${url.pathname}${url.search}` : undefined;
  } catch {
    return undefined;
  }
}

/** Percent-encodes a value for a URL path or query (`:` kept: Telegram's bot tokens hold one). */
function encodeForUrl(value: string): string {
  return encodeURIComponent(value).replace(/%3A/g, ':');
}

function placedValue(name: string, values: TemplateValues, place: TemplatePlace): string | undefined {
  if (name === 'secret-path') return place === 'url' ? pathOf(values.secret) : undefined;
  const raw = name === 'secret' ? values.secret : values.partners.get(name.slice('partner:'.length));
  if (raw === undefined) return undefined;
  if (place === 'url') return encodeForUrl(raw);
  // A line break or NUL in a header would start another header: such a value is never sent.
  if (place === 'header' && /[\r\n\0]/.test(raw)) return undefined;
  return raw;
}

/** Fills a template, or undefined when a value is missing or cannot be placed safely. */
export function renderTemplate(template: string, values: TemplateValues, place: TemplatePlace): string | undefined {
  let isComplete = true;
  const text = template.replace(PLACEHOLDER, (_all, name: string) => {
    const value = placedValue(name, values, place);
    if (value === undefined) isComplete = false;
    return value ?? '';
  });
  return isComplete ? text : undefined;
}
