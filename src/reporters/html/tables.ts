import { SEVERITIES } from '../../findings/index.js';
import { fallbackRemediation, remediationFor, type RemediationPlan } from '../../remediation/index.js';
import type { Rule } from '../../rules/index.js';
import { html, safeHref } from './escape.js';
import type { AuditPlace, AuditSecret, AuditTotals } from './types.js';

function table(caption: string, head: string[], rows: string[][], numeric: number[] = []): string {
  const cell = (tag: string, text: string, index: number) => `<${tag}${numeric.includes(index) ? ' class="num"' : ''}>${text}</${tag}>`;
  return [`<table><caption>${caption}</caption><thead><tr>${head.map((h, i) => cell('th', h, i)).join('')}</tr></thead><tbody>`, ...rows.map((row) => `<tr>${row.map((c, i) => cell('td', c, i)).join('')}</tr>`), '</tbody></table>'].join(
    '\n',
  );
}

/** The totals: by severity, by repository and by provider. */
export function totalsTables(totals: AuditTotals): string {
  const bySeverity = table(
    'Secrets by severity',
    ['Severity', 'Secrets'],
    SEVERITIES.map((severity) => [`<span class="sev sev-${severity}">${severity}</span>`, String(totals.bySeverity[severity])]),
    [1],
  );
  const byRepository = table(
    'Secrets by repository',
    ['Repository', 'Commit', 'Secrets', 'High', 'Medium', 'Low', 'Places'],
    totals.byRepository.map((r) => [
      `<code>${html(r.repository)}</code>`,
      r.commit === undefined ? '' : `<code>${html(r.commit.slice(0, 12))}</code>`,
      ...[r.secrets, r.bySeverity.high, r.bySeverity.medium, r.bySeverity.low, r.occurrences].map(String),
    ]),
    [2, 3, 4, 5, 6],
  );
  const byProvider = table(
    'Secrets by provider',
    ['Provider', 'Secrets', 'Repositories'],
    totals.byProvider.map((p) => [html(p.provider), String(p.secrets), String(p.repositories)]),
    [1, 2],
  );
  return `<div class="totals">${bySeverity}${byProvider}</div>${byRepository}`;
}

function stateOf(place: AuditPlace): string {
  if (place.isPresentAtHead === true) return '<span class="state open">still at HEAD</span>';
  if (place.isPresentAtHead === false) {
    const when = place.removedIn === undefined ? '' : ` ${html(place.removedIn.date.slice(0, 10))} (<code>${html(place.removedIn.sha.slice(0, 12))}</code>)`;
    return `<span class="state closed">removed${when}</span>`;
  }
  return '';
}

function placeRow(place: AuditPlace): string {
  const commit = place.firstCommit === undefined ? '' : `${html(place.firstCommit.date.slice(0, 10))} (<code>${html(place.firstCommit.sha.slice(0, 12))}</code>)`;
  return `<tr><td><code>${html(place.repository)}</code></td><td><code>${html(place.path)}:${place.startLine}</code></td><td class="num">${place.occurrences}</td><td>${commit}</td><td>${stateOf(place)}</td></tr>`;
}

/** One secret: its rule, severity and preview, then each repository holding it, and a link to its remediation. */
export function secretSection(secret: AuditSecret): string {
  const repositories = secret.repositories.length;
  return [
    `<section class="secret sev-${secret.severity}" id="secret-${html(secret.secretId.replace(/[^0-9a-z]/gi, ''))}">`,
    `<h3><span class="sev sev-${secret.severity}">${secret.severity}</span> ${html(secret.ruleName)} <code class="preview">${html(secret.preview)}</code></h3>`,
    `<p class="meta"><code>${html(secret.ruleId)}</code> · ${repositories} ${repositories === 1 ? 'repository' : 'repositories'} · ${secret.occurrences} ${secret.occurrences === 1 ? 'place' : 'places'} · <a href="#fix-${html(secret.ruleId.replace(/[^0-9a-z.-]/gi, ''))}">how to fix</a></p>`,
    '<table class="places"><thead><tr><th>Repository</th><th>Where</th><th class="num">Places</th><th>First committed</th><th>Now</th></tr></thead><tbody>',
    ...secret.repositories.map(placeRow),
    '</tbody></table></section>',
  ].join('\n');
}

/** Remediation prose marks commands and file names with backticks: those become code after escaping. */
function prose(text: string): string {
  return html(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function planHtml(plan: RemediationPlan): string {
  const steps = plan.steps.map((step) => {
    const href = safeHref(step.url);
    return [
      `<li><strong>${prose(step.title)}</strong><p>${prose(step.why)}</p>`,
      href === undefined ? '' : `<p><a href="${href}" rel="noreferrer noopener">${href}</a></p>`,
      step.actions.length === 0 ? '' : `<ul>${step.actions.map((action) => `<li>${prose(action)}</li>`).join('')}</ul>`,
      step.commands.length === 0 ? '' : `<pre><code>${step.commands.map(html).join('\n')}</code></pre>`,
      '</li>',
    ].join('');
  });
  return `<ol class="plan">${steps.join('\n')}</ol>`;
}

/** One "How to fix" section per rule among the listed secrets, with the provider's rotation steps. */
export function remediationSections(secrets: readonly AuditSecret[], rules: readonly Rule[]): string {
  const byId = new Map(rules.map((rule) => [rule.spec.id, rule]));
  const fired = new Map(secrets.map((secret) => [secret.ruleId, secret.ruleName]));
  return [...fired.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, name]) => {
      const rule = byId.get(id);
      const plan = rule === undefined ? fallbackRemediation(id, name) : remediationFor(rule);
      return `<section class="fix" id="fix-${html(id.replace(/[^0-9a-z.-]/gi, ''))}"><h3>How to fix: ${html(plan.ruleName)} <code>${html(id)}</code></h3>${planHtml(plan)}</section>`;
    })
    .join('\n');
}
