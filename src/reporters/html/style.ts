/**
 * The report's whole stylesheet, inline (the page loads nothing). Colours are variables so that
 * `prefers-color-scheme: dark` and print only swap the palette.
 */
export const STYLE = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --high: #cf222e; --medium: #9a6700; --low: #0969da; --open: #cf222e; --closed: #1a7f37; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23;
    --high: #ff7b72; --medium: #d29922; --low: #58a6ff; --open: #ff7b72; --closed: #3fb950; }
}
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1040px; padding: 24px; background: var(--bg); color: var(--fg);
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 0 0 4px; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; overflow-wrap: anywhere; }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px; white-space: pre-wrap; }
a { color: var(--low); }
.muted, .meta, caption { color: var(--muted); }
.summary { font-size: 16px; }
.notice { border-left: 4px solid var(--medium); background: var(--panel); padding: 6px 12px; margin: 8px 0; }
table { border-collapse: collapse; margin: 8px 0 16px; width: 100%; }
caption { text-align: left; font-weight: 600; padding-bottom: 4px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--panel); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.totals { display: flex; gap: 24px; flex-wrap: wrap; align-items: flex-start; } .totals table { width: auto; min-width: 260px; }
.sev { display: inline-block; min-width: 56px; text-align: center; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; color: var(--bg); }
.sev.sev-high { background: var(--high); } .sev.sev-medium { background: var(--medium); } .sev.sev-low { background: var(--low); }
.secret { border: 1px solid var(--line); border-left: 4px solid var(--low); border-radius: 6px; padding: 10px 12px; margin: 12px 0; break-inside: avoid; }
.secret.sev-high { border-left-color: var(--high); } .secret.sev-medium { border-left-color: var(--medium); }
.state.open { color: var(--open); font-weight: 600; } .state.closed { color: var(--closed); }
.timeline-box { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); }
svg.timeline { display: block; max-width: 100%; height: auto; }
svg.timeline text { fill: var(--fg); font-size: 11px; font-family: ui-monospace, Menlo, Consolas, monospace; }
svg.timeline text.axis { fill: var(--muted); }
svg.timeline .tick { stroke: var(--line); stroke-width: 1; }
svg.timeline .row .bar { fill: var(--low); opacity: 0.75; }
svg.timeline .row.sev-high .bar, svg.timeline .row.sev-high .start { fill: var(--high); }
svg.timeline .row.sev-medium .bar, svg.timeline .row.sev-medium .start { fill: var(--medium); }
svg.timeline .row .start { fill: var(--low); }
svg.timeline .row.closed .bar { opacity: 0.45; }
svg.timeline .row.unknown .bar { opacity: 0.3; }
svg.timeline .row .end { stroke: var(--closed); stroke-width: 3; }
.legend { color: var(--muted); font-size: 12px; margin: 4px 0 0; }
.plan > li { margin-bottom: 8px; } .plan p { margin: 2px 0; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
@media print {
  :root { --bg: #ffffff; --fg: #000000; --muted: #444444; --line: #bbbbbb; --panel: #ffffff; }
  body { max-width: none; padding: 0 4px; font-size: 11px; }
  table { table-layout: fixed; } td, th { overflow-wrap: anywhere; }
  a { color: inherit; text-decoration: none; }
  .timeline-box { overflow: visible; border: none; }
  h2 { break-after: avoid; } tr, .fix, .secret { break-inside: avoid; }
}
`;
