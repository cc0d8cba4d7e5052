// The page shell: one inline stylesheet, allowed by its hash in the CSP, and no
// script at all. Mobile first: tables turn into stacked cards on narrow screens.
import { createHash } from 'node:crypto';
import { html, SafeHtml } from './html.js';

const CSS = `
:root{color-scheme:light dark;--fg:#1b1f24;--muted:#57606a;--bg:#fff;--card:#f6f8fa;--line:#d0d7de;--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--info:#0969da}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9da7b3;--bg:#0d1117;--card:#161b22;--line:#30363d;--ok:#3fb950;--bad:#f85149;--warn:#d29922;--info:#58a6ff}}
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header,main,footer{max-width:72rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem}
h1{font-size:1.4rem;margin:.5rem 0}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
a{color:var(--info);overflow-wrap:anywhere}
.muted{color:var(--muted)}
.summary{display:flex;flex-wrap:wrap;gap:.5rem;padding:0;list-style:none;margin:.5rem 0}
.summary li{background:var(--card);border:1px solid var(--line);border-radius:.4rem;padding:.35rem .6rem}
.summary b{font-variant-numeric:tabular-nums}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid var(--line);overflow-wrap:anywhere}
th{font-size:.85rem;color:var(--muted);font-weight:600;white-space:nowrap;overflow-wrap:normal}
#stories td:first-child{width:36%}
details summary{cursor:pointer;color:var(--muted);font-size:.9rem}
.badge{display:inline-block;border-radius:1rem;padding:0 .55rem;font-size:.8rem;font-weight:600;border:1px solid currentColor;white-space:nowrap}
.ok,.relevant,.sent{color:var(--ok)}
.failing,.dead,.paused{color:var(--bad)}
.new,.pending,.sending,.grey{color:var(--warn)}
.failed{color:var(--bad)}
.irrelevant{color:var(--muted)}
.error{color:var(--bad)}
ul.reasons{margin:.25rem 0 0;padding-left:1.1rem;font-size:.9rem}
.score{font-variant-numeric:tabular-nums;font-weight:600;white-space:nowrap}
footer{padding:2rem 1rem;font-size:.85rem}
@media (max-width:40rem){
 thead{display:none}
 table,tbody,tr,td{display:block;width:100%}
 tr{border:1px solid var(--line);border-radius:.5rem;margin:0 0 .75rem;padding:.25rem .5rem;background:var(--card)}
 td{border:0;padding:.2rem 0}
 #stories td:first-child{width:100%}
 td[data-label]::before{content:attr(data-label) ": ";font-size:.8rem;color:var(--muted);font-weight:600}
}
`;

const CSS_HASH = createHash('sha256').update(CSS).digest('base64');

/** No scripts, no external resources, no framing, no forms: the page only shows. */
export const STATUS_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${CSS_HASH}'`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function layout(title: string, body: SafeHtml, generatedAt: Date): string {
  return `<!doctype html>\n${html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<link rel="alternate" type="application/atom+xml" title="Relevant stories (Atom)" href="feed.xml">
<link rel="alternate" type="application/feed+json" title="Relevant stories (JSON Feed)" href="feed.json">
<style>${new SafeHtml(CSS)}</style>
</head>
<body>
<header><h1>${title}</h1><p class="muted">Generated ${generatedAt.toISOString().slice(0, 19).replace('T', ' ')} UTC · <a href="feed.xml">Atom feed</a> · <a href="feed.json">JSON Feed</a> · <a href="metrics">metrics</a></p></header>
<main>${body}</main>
<footer class="muted">optout-radar — watches for AI trained on people's data</footer>
</body>
</html>`.value}\n`;
}
