import { createHash } from 'node:crypto';
import { html } from './escape.js';
import { STYLE } from './style.js';
import { remediationSections, secretSection, totalsTables } from './tables.js';
import { MAX_TIMELINE_ROWS, timelineSvg } from './timeline.js';
import type { AuditView } from './types.js';

// Nothing may load: no scripts at all, no fetches, no frames, no fonts, images only inline; the one
// stylesheet is allowed by its hash, so an injected <style> or style attribute would not apply either.
function contentSecurityPolicy(): string {
  const styleHash = createHash('sha256').update(STYLE).digest('base64');
  return `default-src 'none'; style-src 'sha256-${styleHash}'; img-src data:; base-uri 'none'; form-action 'none'`;
}

function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

function summary(view: AuditView): string {
  const { totals } = view;
  const counts = (['high', 'medium', 'low'] as const).filter((s) => totals.bySeverity[s] > 0).map((s) => `${totals.bySeverity[s]} ${s}`);
  const text = totals.secrets === 0 ? 'No secrets found.' : `${plural(totals.secrets, 'secret')} (${counts.join(', ')}) in ${plural(totals.occurrences, 'place')}.`;
  return `<p class="summary"><strong>${html(text)}</strong> ${html(plural(view.repositories.length, 'repository', 'repositories'))} scanned.</p>`;
}

function notices(view: AuditView): string {
  const partial = view.repositories.filter((r) => r.isPartial).map((r) => `<code>${html(r.name)}</code>`);
  const items = [...(partial.length > 0 ? [`Partial scans, so secrets may be missing: ${partial.join(', ')}.`] : []), ...view.notices.map(html)];
  return items.map((item) => `<p class="notice">${item}</p>`).join('\n');
}

function timeline(view: AuditView): string {
  const svg = timelineSvg(view.secrets);
  if (svg === '') return '';
  const rows = view.secrets.reduce((n, s) => n + s.repositories.length, 0);
  return [
    '<h2 id="timeline">Timeline</h2>',
    `<div class="timeline-box">${svg}</div>`,
    `<p class="legend">A dot marks the commit that put the secret in the repository; a bar to the right edge means it is still at HEAD; a bar ending in a green line ends at the commit that removed it.${rows > MAX_TIMELINE_ROWS ? ` The first ${MAX_TIMELINE_ROWS} rows are drawn.` : ''}</p>`,
  ].join('\n');
}

/**
 * The HTML report: one self-contained page (inline CSS, inline SVG, no script, a CSP that lets
 * nothing load), readable without JavaScript, light and dark, printable. Every string that came
 * from a scanned repository or a report is escaped by `html()`; secrets appear only as previews.
 */
export function renderAuditPage(view: AuditView): string {
  const listed = view.secrets.map(secretSection).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${html(view.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${html(view.title)}</h1>
${summary(view)}
${notices(view)}
</header>
<main>
<h2 id="totals">Totals</h2>
${totalsTables(view.totals)}
${timeline(view)}
<h2 id="secrets">Secrets</h2>
${view.secrets.length === 0 ? '<p>No secrets found.</p>' : listed}
${view.unlisted > 0 ? `<p class="notice">${html(plural(view.unlisted, 'more secret'))} not listed here: see the JSON report.</p>` : ''}
${view.secrets.length === 0 ? '' : `<h2 id="fix">How to fix</h2>\n<p>Rotate each credential at its provider first: removing it from git does not un-leak a pushed secret.</p>\n${remediationSections(view.secrets, view.rules)}`}
</main>
<footer>${html(view.tool.name)} ${html(view.tool.version)} · secrets are shown as redacted previews only</footer>
</body>
</html>
`;
}
