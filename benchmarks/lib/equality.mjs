// Output equality "modulo whitespace": whitespace is removed and equivalent entity spellings (&#60; / &lt;,
// &#x27; / &#39; …) are made canonical. A contender that produces the same text but leaves one of the five
// characters & < > " ' unescaped is reported as "partial escaping", not as equal.
const CANON = [
  [/&#0*60;|&#x0*3c;/gi, "&lt;"], [/&#0*62;|&#x0*3e;/gi, "&gt;"], [/&#0*38;|&#x0*26;/gi, "&amp;"],
  [/&#0*34;|&#x0*22;/gi, "&quot;"], [/&#0*39;|&#x0*27;|&apos;/gi, "&#39;"],
  [/&#0*47;|&#x0*2f;/gi, "/"], [/&#0*61;|&#x0*3d;/gi, "="], [/&#0*96;|&#x0*60;/gi, "`"],
];

export function canonical(html) {
  let s = String(html).replace(/\s+/g, "");
  for (const [re, to] of CANON) s = s.replace(re, to);
  return s;
}

const decode = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/** "equal" | "partial escaping" | "differs", with the first differing context for the report. */
export function compareOutput(got, want) {
  const a = canonical(got), b = canonical(want);
  if (a === b) return { status: "equal" };
  if (decode(a) === decode(b)) return { status: "partial escaping", detail: firstDiff(a, b) };
  return { status: "differs", detail: firstDiff(a, b) };
}

function firstDiff(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: got …${a.slice(Math.max(0, i - 20), i + 30)}… want …${b.slice(Math.max(0, i - 20), i + 30)}…`;
}
