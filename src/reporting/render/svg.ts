/**
 * Inline SVG charts: plain markup, no script, no external resource, each with a `<title>` and a `<desc>` that
 * states the figures in words.
 * @internal
 * @module
 */

/** Escapes text for HTML and XML content and attribute values. @internal */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Approximate advance of a character at `size` px: wide (CJK, fullwidth) or average Latin. @internal */
function charWidth(code: number, size: number): number {
  return code >= 0x2e80 ? size : size * 0.56;
}

/** `text` cut with "…" to fit about `maxPx` at font size `size`. @internal */
export function fitText(text: string, maxPx: number, size: number): string {
  let width = 0;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    width += charWidth((chars[i] as string).codePointAt(0) ?? 0, size);
    if (width > maxPx) return `${chars.slice(0, Math.max(1, i - 1)).join("")}…`;
  }
  return text;
}

/** Rounds a coordinate to 0.1 px. @internal */
function px(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** Colours with text contrast ≥ 4.5 : 1 on white. @internal */
export const COLORS = {
  pass: "#1b5e20",
  fail: "#b71c1c",
  neutral: "#0d47a1",
  grid: "#d0d0d0",
  text: "#1a1a1a",
  muted: "#595959",
};

/** One bar of a horizontal bar chart: a ratio 0–1 against an optional minimum. @internal */
export interface RatioBar {
  readonly label: string;
  /** A shorter label used when `label` does not fit (e.g. ids instead of names). */
  readonly shortLabel?: string;
  readonly value: number | null;
  readonly min: number | null;
  /** Shown at the end of the bar, e.g. `"60.0 % (3 / 5)"`. */
  readonly valueText: string;
}

interface ChartText {
  readonly id: string;
  readonly title: string;
  readonly desc: string;
}

function open(t: ChartText, width: number, height: number): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="${t.id}-title ${t.id}-desc" ` +
    `viewBox="0 0 ${width} ${px(height)}" width="${width}" height="${px(height)}">` +
    `<title id="${t.id}-title">${esc(t.title)}</title><desc id="${t.id}-desc">${esc(t.desc)}</desc>`
  );
}

function empty(t: ChartText, message: string): string {
  return `${open(t, 720, 60)}<text x="16" y="36" fill="${COLORS.muted}" font-size="14">${esc(message)}</text></svg>`;
}

/**
 * Horizontal bars from 0 to 100 %, each with a dashed line at its minimum (when it has one), green when the
 * minimum is kept, red when not, blue without a minimum.
 * @internal
 */
export function ratioBars(t: ChartText, bars: readonly RatioBar[], emptyMessage: string): string {
  if (bars.length === 0) return empty(t, emptyMessage);
  const width = 720;
  const labelW = 230;
  const plotW = 340;
  const rowH = 28;
  const top = 24;
  const height = top + bars.length * rowH + 12;
  const x0 = labelW;
  const parts: string[] = [open(t, width, height)];
  // Grid: 0, 25, 50, 75, 100 %.
  for (let i = 0; i <= 4; i++) {
    const x = x0 + (plotW * i) / 4;
    parts.push(
      `<line x1="${px(x)}" y1="${top - 4}" x2="${px(x)}" y2="${px(height - 10)}" stroke="${COLORS.grid}" stroke-width="1"/>`,
    );
    parts.push(
      `<text x="${px(x)}" y="${top - 8}" font-size="11" text-anchor="middle" fill="${COLORS.muted}">${i * 25} %</text>`,
    );
  }
  bars.forEach((b, i) => {
    const y = top + i * rowH;
    let label = fitText(b.label, labelW - 12, 13);
    if (label !== b.label && b.shortLabel !== undefined) label = fitText(b.shortLabel, labelW - 12, 13);
    const full = label === b.label ? "" : `<title>${esc(b.label)}</title>`;
    parts.push(
      `<text x="${labelW - 8}" y="${px(y + 18)}" font-size="13" text-anchor="end" fill="${COLORS.text}">${full}${esc(label)}</text>`,
    );
    if (b.value === null) {
      parts.push(
        `<text x="${x0 + 6}" y="${px(y + 18)}" font-size="12" fill="${COLORS.muted}">${esc(b.valueText)}</text>`,
      );
    } else {
      const w = Math.max(0, Math.min(1, b.value)) * plotW;
      const color = b.min === null ? COLORS.neutral : b.value >= b.min ? COLORS.pass : COLORS.fail;
      parts.push(
        `<rect x="${x0}" y="${px(y + 5)}" width="${px(Math.max(w, 1))}" height="18" fill="${color}"/>`,
      );
      parts.push(
        `<text x="${px(x0 + plotW + 8)}" y="${px(y + 18)}" font-size="12" fill="${COLORS.text}">${esc(b.valueText)}</text>`,
      );
    }
    if (b.min !== null) {
      const mx = x0 + Math.max(0, Math.min(1, b.min)) * plotW;
      parts.push(
        `<line class="target-line" x1="${px(mx)}" y1="${px(y + 1)}" x2="${px(mx)}" y2="${px(y + 27)}" stroke="${COLORS.text}" stroke-width="2" stroke-dasharray="4 2"/>`,
      );
    }
  });
  parts.push("</svg>");
  return parts.join("");
}

/** One column of a column chart. @internal */
export interface Column {
  /** Full label (for the data table and the tooltip). */
  readonly label: string;
  /** Short axis label, or `""` to leave this column unlabelled. */
  readonly tick: string;
  readonly value: number;
}

/** Vertical columns of counts, with a y axis from 0 to the largest count. @internal */
export function columns(t: ChartText, cols: readonly Column[], color: string, emptyMessage: string): string {
  if (cols.length === 0) return empty(t, emptyMessage);
  const width = 720;
  const left = 44;
  const right = 12;
  const top = 16;
  const plotH = 160;
  const height = top + plotH + 40;
  const plotW = width - left - right;
  const max = Math.max(1, ...cols.map((c) => c.value));
  const step = plotW / cols.length;
  const barW = Math.max(1, step * 0.8);
  const parts: string[] = [open(t, width, height)];
  const baseY = top + plotH;
  const ticks = max <= 4 ? Array.from({ length: max + 1 }, (_, i) => i) : [0, Math.round(max / 2), max];
  for (const v of ticks) {
    const y = baseY - (plotH * v) / max;
    parts.push(
      `<line x1="${left}" y1="${px(y)}" x2="${width - right}" y2="${px(y)}" stroke="${COLORS.grid}" stroke-width="1"/>`,
    );
    parts.push(
      `<text x="${left - 6}" y="${px(y + 4)}" font-size="11" text-anchor="end" fill="${COLORS.muted}">${v}</text>`,
    );
  }
  cols.forEach((c, i) => {
    const x = left + i * step + (step - barW) / 2;
    const h = (plotH * c.value) / max;
    if (c.value > 0) {
      parts.push(
        `<rect x="${px(x)}" y="${px(baseY - h)}" width="${px(barW)}" height="${px(h)}" fill="${color}"><title>${esc(`${c.label}: ${c.value}`)}</title></rect>`,
      );
    }
    if (c.tick !== "") {
      parts.push(
        `<text x="${px(x + barW / 2)}" y="${px(baseY + 16)}" font-size="11" text-anchor="middle" fill="${COLORS.muted}">${esc(c.tick)}</text>`,
      );
    }
  });
  parts.push(
    `<line x1="${left}" y1="${baseY}" x2="${width - right}" y2="${baseY}" stroke="${COLORS.text}" stroke-width="1"/>`,
  );
  parts.push("</svg>");
  return parts.join("");
}
