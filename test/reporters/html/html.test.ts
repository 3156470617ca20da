import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderAuditPage, toHtml, type AuditView } from '../../../src/reporters/index.js';
import { historyResult, sampleContext, sampleResult } from '../../helpers/sample-result.js';

function view(overrides: Partial<AuditView> = {}): AuditView {
  return {
    title: 'audit',
    tool: { name: 'secretscan', version: '1.2.3' },
    repositories: [{ name: 'github.com/acme/api', commit: 'a'.repeat(40), isPartial: false }],
    secrets: [],
    unlisted: 0,
    totals: { secrets: 0, occurrences: 0, bySeverity: { high: 0, medium: 0, low: 0 }, byProvider: [], byRepository: [] },
    rules: [],
    notices: [],
    ...overrides,
  };
}

describe('HTML report', () => {
  it('is one self-contained page: a CSP that allows only its own stylesheet (by hash), no script, nothing fetched', () => {
    const page = toHtml(historyResult(), sampleContext());
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1] ?? '';
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)?.[1] ?? '';
    expect(csp).toBe(`default-src 'none'; style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'; img-src data:; base-uri 'none'; form-action 'none'`);
    expect(page).not.toMatch(/<script|\ssrc=|\sstyle=|@import|url\(|<link|<iframe/i);
    // Links go to the providers' rotation pages only (anchors, never loaded).
    for (const [, href] of page.matchAll(/href="([^"]+)"/g)) expect(href).toMatch(/^(#|https:\/\/)/);
  });

  it('has light and dark palettes and print styles', () => {
    const page = toHtml(sampleResult(), sampleContext());
    expect(page).toContain('@media (prefers-color-scheme: dark)');
    expect(page).toContain('@media print');
  });

  it('escapes every string from a repository or report', () => {
    const hostile = `<img src=x onerror="alert('x')">&amp;`;
    const page = renderAuditPage(
      view({
        title: hostile,
        notices: [hostile],
        repositories: [{ name: hostile, isPartial: true }],
        secrets: [
          {
            secretId: 'v1:<b>',
            ruleId: `x.${hostile}`,
            ruleName: hostile,
            severity: 'high',
            preview: hostile,
            occurrences: 1,
            repositories: [
              { repository: hostile, path: hostile, startLine: 1, occurrences: 1, firstCommit: { sha: hostile, date: '2024-01-01T00:00:00Z' }, isPresentAtHead: false, removedIn: { sha: hostile, date: '2024-02-01T00:00:00Z' } },
            ],
          },
        ],
        totals: {
          secrets: 1,
          occurrences: 1,
          bySeverity: { high: 1, medium: 0, low: 0 },
          byProvider: [{ provider: hostile, secrets: 1, repositories: 1 }],
          byRepository: [{ repository: hostile, commit: hostile, secrets: 1, occurrences: 1, bySeverity: { high: 1, medium: 0, low: 0 } }],
        },
      }),
    );
    expect(page).not.toContain('<img');
    expect(page).not.toMatch(/onerror="/);
    expect(page).toContain('&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;amp;');
  });

  it('draws a timeline row per secret and repository with a commit date: open while at HEAD, closed when removed', () => {
    const page = toHtml(historyResult(), sampleContext());
    expect(page).toContain('<svg class="timeline"');
    expect((page.match(/<g class="row /g) ?? []).length).toBeGreaterThan(0);
    const secret = (removed: boolean) => ({
      secretId: 'v1:00',
      ruleId: 'a.b',
      ruleName: 'A',
      severity: 'low' as const,
      preview: 'abcd…(20)',
      occurrences: 1,
      repositories: [
        {
          repository: 'r',
          path: 'p',
          startLine: 1,
          occurrences: 1,
          firstCommit: { sha: '1'.repeat(40), date: '2020-01-01T00:00:00Z' },
          isPresentAtHead: !removed,
          ...(removed ? { removedIn: { sha: '2'.repeat(40), date: '2021-06-01T00:00:00Z' } } : {}),
        },
      ],
    });
    expect(renderAuditPage(view({ secrets: [secret(true)] }))).toMatch(/<g class="row sev-low closed">/);
    expect(renderAuditPage(view({ secrets: [secret(false)] }))).toMatch(/<g class="row sev-low open">/);
    expect(renderAuditPage(view({ secrets: [] }))).not.toContain('<svg');
  });

  it('says how many secrets it does not list', () => {
    expect(renderAuditPage(view({ unlisted: 7 }))).toContain('7 more secrets not listed here: see the JSON report.');
  });
});
