import { printable } from '../../terminal-text/index.js';

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Untrusted text (a path, a repository name, a rule name from another repository's pack) for HTML
 * text or a quoted attribute: control characters made visible, then every character HTML treats as
 * markup escaped. Everything the HTML report prints goes through here.
 */
export function html(text: string | number): string {
  return printable(String(text)).replace(/[&<>"']/g, (char) => ENTITIES[char] as string);
}

/** An `https:` URL for an `href`, or undefined for anything else (`javascript:`, `data:`, relative). */
export function safeHref(url: string | undefined): string | undefined {
  return url !== undefined && /^https:\/\/[^\s"'<>]+$/i.test(url) ? html(url) : undefined;
}
