import { escapeHtml } from './escape.ts';

/**
 * The document every page shares: no script at all, one stylesheet from the same origin (the
 * Content-Security-Policy allows nothing else), readable on a phone.
 */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Briefwire</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The one stylesheet: marks for quotes, summary sentences, names and the span linked to. */
export const STYLESHEET = `body{font:1rem/1.55 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fff}
main{max-width:44rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25}h2{font-size:1.15rem;margin-top:1.75rem}
a{color:#0b57d0}
.meta{color:#555;font-size:.9rem}
.q{background:#fff4ce}
.s{border-bottom:2px solid #7fb2ff}
.m-person{font-weight:600}.m-organization{font-variant:small-caps}
.who{color:#555;font-size:.9rem}
.hl{outline:3px solid #c5221f;background:#ffe1de}
#hl{scroll-margin-top:4rem}
ul{padding-left:1.25rem}li{margin:.35rem 0}
figure{margin:1rem 0}.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.9rem}
.swatch{display:inline-block;width:.8em;height:.8em;margin-right:.35em;vertical-align:baseline}
.c0{background:#1f5fbf}.c1{background:#c2410c}.c2{background:#15803d}.c3{background:#7e22ce}.c4{background:#b91c1c}.c5{background:#6b7280}
form.inline{display:inline}button{font:inherit;padding:.3rem .8rem;margin:.15rem 0;cursor:pointer}
.notice{background:#e6f4ea;padding:.5rem .75rem}
table{border-collapse:collapse}th,td{padding:.15rem .6rem;text-align:left;border-bottom:1px solid #ddd}
`;
