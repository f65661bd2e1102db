// Dependency-free SVG charts: stacked panels of labelled horizontal bars, and log-log line charts.
// Values are printed on the bars so the chart can be read without the table.

const escXml = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const FONT = `font-family="system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif"`;
const PAGEC = "#d9480f", OTHER = "#748ffc", LIMIT = "#868e96", BAD = "#e9ecef";

export function fmt(v, digits = 3) {
  if (v === null || v === undefined || !Number.isFinite(v)) return "–";
  const a = Math.abs(v);
  if (a >= 1e6) return `${(v / 1e6).toFixed(2)}M`;
  if (a >= 1e4) return `${Math.round(v / 1e3)}k`;
  if (a >= 100) return String(Math.round(v));
  return Number(v.toPrecision(digits)).toString();
}

/**
 * panels: [{ title, unit, better: "lower"|"higher", bars: [{ label, value, kind: "pagec"|"peer"|"limit"|"invalid", note? }] }]
 */
export function barChart(title, subtitle, panels) {
  const W = 860, labelW = 250, barW = 400, rowH = 22, pad = 16;
  let y = 80;
  const parts = [];
  for (const p of panels) {
    parts.push(`<text x="${pad}" y="${y}" font-size="14" font-weight="600" ${FONT}>${escXml(p.title)}</text>`);
    parts.push(`<text x="${W - pad}" y="${y}" font-size="11" text-anchor="end" fill="#666" ${FONT}>${escXml(p.unit)} — ${p.better === "higher" ? "longer is better" : "shorter is better"}</text>`);
    y += 10;
    const max = Math.max(1e-9, ...p.bars.map((b) => (Number.isFinite(b.value) ? b.value : 0)));
    for (const b of p.bars) {
      const w = Number.isFinite(b.value) ? Math.max(1, (b.value / max) * barW) : 0;
      const fill = b.kind === "pagec" ? PAGEC : b.kind === "limit" ? LIMIT : b.kind === "invalid" ? BAD : OTHER;
      parts.push(`<text x="${labelW}" y="${y + 15}" font-size="12" text-anchor="end" ${FONT}${b.kind === "pagec" ? ' font-weight="700"' : ""}>${escXml(b.label)}</text>`);
      parts.push(`<rect x="${labelW + 8}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 6}" rx="2" fill="${fill}"${b.kind === "invalid" ? ' stroke="#adb5bd"' : ""}/>`);
      parts.push(`<text x="${labelW + 14 + w}" y="${y + 15}" font-size="11" ${FONT}>${escXml(fmt(b.value))}${b.note ? ` · ${escXml(b.note)}` : ""}</text>`);
      y += rowH;
    }
    y += 26;
  }
  const H = y;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<rect width="100%" height="100%" fill="#fff"/>
<text x="${pad}" y="24" font-size="18" font-weight="700" ${FONT}>${escXml(title)}</text>
<text x="${pad}" y="42" font-size="11" fill="#666" ${FONT}>${escXml(subtitle)}</text>
<rect x="${pad}" y="51" width="10" height="10" fill="${PAGEC}"/><text x="${pad + 14}" y="60" font-size="11" ${FONT}>pagec</text>
<rect x="${pad + 70}" y="51" width="10" height="10" fill="${OTHER}"/><text x="${pad + 84}" y="60" font-size="11" ${FONT}>peer / other</text>
<rect x="${pad + 170}" y="51" width="10" height="10" fill="${LIMIT}"/><text x="${pad + 184}" y="60" font-size="11" ${FONT}>limit (hand-written / constant / baseline)</text>
<rect x="${pad + 440}" y="51" width="10" height="10" fill="${BAD}" stroke="#adb5bd"/><text x="${pad + 454}" y="60" font-size="11" ${FONT}>output not equal to pagec's</text>
${parts.join("\n")}
</svg>
`;
}

/** series: [{ name, points: [[x, y]], kind }]; both axes logarithmic. */
export function lineChart(title, subtitle, { xLabel, yLabel, series }) {
  const W = 860, H = 420, L = 80, R = 200, T = 60, B = 60;
  const xs = series.flatMap((s) => s.points.map((p) => p[0])).filter((v) => v > 0);
  const ys = series.flatMap((s) => s.points.map((p) => p[1])).filter((v) => v > 0);
  if (!xs.length || !ys.length) return barChart(title, subtitle, []);
  const lx0 = Math.floor(Math.log10(Math.min(...xs))), lx1 = Math.ceil(Math.log10(Math.max(...xs)));
  const ly0 = Math.floor(Math.log10(Math.min(...ys))), ly1 = Math.ceil(Math.log10(Math.max(...ys)));
  const px = (x) => L + ((Math.log10(x) - lx0) / Math.max(1, lx1 - lx0)) * (W - L - R);
  const py = (y) => H - B - ((Math.log10(y) - ly0) / Math.max(1, ly1 - ly0)) * (H - T - B);
  const parts = [];
  for (let e = lx0; e <= lx1; e++) parts.push(`<line x1="${px(10 ** e)}" y1="${T}" x2="${px(10 ** e)}" y2="${H - B}" stroke="#eee"/><text x="${px(10 ** e)}" y="${H - B + 16}" font-size="11" text-anchor="middle" ${FONT}>${fmt(10 ** e)}</text>`);
  for (let e = ly0; e <= ly1; e++) parts.push(`<line x1="${L}" y1="${py(10 ** e)}" x2="${W - R}" y2="${py(10 ** e)}" stroke="#eee"/><text x="${L - 6}" y="${py(10 ** e) + 4}" font-size="11" text-anchor="end" ${FONT}>${fmt(10 ** e)}</text>`);
  series.forEach((s, i) => {
    const color = s.kind === "pagec" ? PAGEC : s.kind === "limit" ? LIMIT : OTHER;
    const pts = s.points.filter((p) => p[0] > 0 && p[1] > 0);
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="2.5" points="${pts.map((p) => `${px(p[0]).toFixed(1)},${py(p[1]).toFixed(1)}`).join(" ")}"/>`);
    for (const p of pts) parts.push(`<circle cx="${px(p[0]).toFixed(1)}" cy="${py(p[1]).toFixed(1)}" r="3.5" fill="${color}"><title>${escXml(`${s.name}: ${fmt(p[0])} → ${fmt(p[1])}`)}</title></circle><text x="${(px(p[0]) + 6).toFixed(1)}" y="${(py(p[1]) + (i % 2 ? 14 : -6)).toFixed(1)}" font-size="10" fill="${color}" ${FONT}>${fmt(p[1])}</text>`);
    parts.push(`<rect x="${W - R + 16}" y="${T + i * 20}" width="12" height="12" fill="${color}"/><text x="${W - R + 34}" y="${T + i * 20 + 11}" font-size="12" ${FONT}>${escXml(s.name)}</text>`);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<rect width="100%" height="100%" fill="#fff"/>
<text x="16" y="24" font-size="18" font-weight="700" ${FONT}>${escXml(title)}</text>
<text x="16" y="42" font-size="11" fill="#666" ${FONT}>${escXml(subtitle)}</text>
<line x1="${L}" y1="${H - B}" x2="${W - R}" y2="${H - B}" stroke="#333"/><line x1="${L}" y1="${T}" x2="${L}" y2="${H - B}" stroke="#333"/>
${parts.join("\n")}
<text x="${(L + W - R) / 2}" y="${H - 18}" font-size="12" text-anchor="middle" ${FONT}>${escXml(xLabel)} (log scale)</text>
<text x="18" y="${(T + H - B) / 2}" font-size="12" text-anchor="middle" transform="rotate(-90 18 ${(T + H - B) / 2})" ${FONT}>${escXml(yLabel)} (log scale)</text>
</svg>
`;
}
