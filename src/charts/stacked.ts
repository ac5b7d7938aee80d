/**
 * The 100% stacked-bar form shared by england-health and area-health: one bar per census year,
 * split into the five health categories. Segments wide enough carry their percentage; the
 * others get a leader line to a label under the bar, nudged apart so labels never overlap.
 */
import { scaleLinear } from 'd3';
import { CENSUS_YEARS, HEALTH_CATEGORIES, MEASURE_LABELS, type HealthCategory, type HealthChange } from '../data/constants.ts';
import { CATEGORY_COLOURS, INK, categoryTextColour } from './palette.ts';
import {
  centredBaseline,
  escapeXml,
  fmtPct,
  rect,
  resolveLabels,
  round1,
  SvgBuilder,
  textWidth,
  type Box,
  type TableData,
} from './svg.ts';
import { listJoin, shareMovement } from './words.ts';

export interface StackedLayout {
  body: string;
  width: number;
  height: number;
  labels: Box[];
}

const PAD = 8;
const BAR_H = 32;
const LEGEND_SIZE = 13;
const VALUE_SIZE = 13;
const SWATCH = 12;

/** "Very bad" for the very_bad category. */
export function shortCategoryLabel(c: HealthCategory): string {
  return MEASURE_LABELS[c].replace(/ health$/, '');
}

interface Segment {
  category: HealthCategory;
  value: number;
  x0: number;
  x1: number;
}

export function stackedShares(health: HealthChange, width: number): StackedLayout {
  const W = Math.max(width, 280);
  const b = new SvgBuilder();
  const x = scaleLinear().domain([0, 100]).range([PAD, W - PAD]);

  // Legend, wrapped onto as many lines as the width needs.
  b.raw(`<g class="legend">`);
  let lx = PAD;
  let ly = 4;
  for (const c of HEALTH_CATEGORIES) {
    const label = shortCategoryLabel(c);
    const itemW = SWATCH + 5 + textWidth(label, LEGEND_SIZE);
    if (lx > PAD && lx + itemW > W - PAD) {
      lx = PAD;
      ly += 20;
    }
    b.raw(rect(lx, ly + 2, SWATCH, SWATCH, `class="swatch" fill="${CATEGORY_COLOURS[c]}"`));
    b.text(lx + SWATCH + 5, centredBaseline(ly + 2 + SWATCH / 2, LEGEND_SIZE), label, {
      size: LEGEND_SIZE,
      fill: INK.text,
      className: 'legend-label',
    });
    lx += itemW + 14;
  }
  b.raw(`</g>`);

  let y = ly + 16 + 12;
  for (const year of CENSUS_YEARS) {
    const shares = year === 2011 ? health.pct2011 : health.pct2021;
    // Stack on the categories' own shares, rescaled so rounding never leaves a gap or overflow.
    const total = HEALTH_CATEGORIES.reduce((s, c) => s + shares[c], 0) || 1;
    let acc = 0;
    const segments: Segment[] = HEALTH_CATEGORIES.map((c) => {
      const x0 = x((100 * acc) / total);
      acc += shares[c];
      return { category: c, value: shares[c], x0, x1: x((100 * acc) / total) };
    });

    b.raw(`<g class="bar" data-year="${year}">`);
    b.text(PAD, y + 13, String(year), { size: 13, bold: true, fill: INK.text, className: 'year-label' });
    const barTop = y + 20;
    const small: Segment[] = [];
    for (const s of segments) {
      const w = s.x1 - s.x0;
      b.raw(
        rect(
          s.x0,
          barTop,
          w,
          BAR_H,
          `class="segment segment--${s.category}" data-category="${s.category}" data-value="${round1(s.value)}" ` +
            `fill="${CATEGORY_COLOURS[s.category]}" stroke="#ffffff" stroke-width="1"`,
        ).replace(/\/>$/, `><title>${escapeXml(`${year}, ${MEASURE_LABELS[s.category].toLowerCase()}: ${fmtPct(s.value)}`)}</title></rect>`),
      );
      const text = fmtPct(s.value);
      if (textWidth(text, VALUE_SIZE, true) + 8 <= w) {
        b.text((s.x0 + s.x1) / 2, centredBaseline(barTop + BAR_H / 2, VALUE_SIZE), text, {
          size: VALUE_SIZE,
          bold: true,
          anchor: 'middle',
          fill: categoryTextColour(s.category),
          className: 'segment-label',
        });
      } else {
        small.push(s);
      }
    }
    y = barTop + BAR_H;

    if (small.length > 0) {
      // Try "Bad 4.2%" first, then just "4.2%", and keep the first set that fits in one row.
      const variants = [
        (s: Segment) => `${shortCategoryLabel(s.category)} ${fmtPct(s.value)}`,
        (s: Segment) => fmtPct(s.value),
      ];
      let chosen = variants[variants.length - 1]!;
      let placed = resolveLabels([], {});
      for (const v of variants) {
        placed = resolveLabels(
          small.map((s) => ({ target: (s.x0 + s.x1) / 2, size: textWidth(v(s), 12) })),
          { min: PAD, max: W - PAD, gap: 10 },
        );
        chosen = v;
        if (!placed.overflow) break;
      }
      const elbow = y + 6;
      const labelTop = y + 12;
      small.forEach((s, i) => {
        const cx = (s.x0 + s.x1) / 2;
        const lxc = placed.positions[i]!;
        b.raw(
          `<polyline class="leader" points="${round1(cx)},${round1(y + 1)} ${round1(cx)},${round1(elbow)} ${round1(lxc)},${round1(labelTop)}" ` +
            `fill="none" stroke="${INK.muted}" stroke-width="1"/>`,
        );
        b.text(lxc, labelTop + 12, chosen(s), {
          size: 12,
          anchor: 'middle',
          fill: INK.text,
          className: `leader-label leader-label--${escapeXml(s.category)}`,
        });
      });
      y = labelTop + 16;
    }
    b.raw(`</g>`);
    y += 14;
  }

  return { body: b.toString(), width: W, height: round1(y), labels: b.labels };
}

export function stackedTable(health: HealthChange): TableData {
  return {
    columns: ['General health', '2011 (%)', '2021 (%)', 'Change (pp)'],
    rows: HEALTH_CATEGORIES.map((c) => [
      MEASURE_LABELS[c],
      round1(health.pct2011[c]),
      round1(health.pct2021[c]),
      round1(health.changePp[c]),
    ]),
  };
}

/** "In England the share in very good health rose from … and the share in bad or very bad health fell from …". */
export function stackedSummary(health: HealthChange, placeLabel: string): string {
  const good = `the share of residents in very good health ${shareMovement(health.pct2011.very_good, health.pct2021.very_good)}`;
  const bad = `the share in bad or very bad health ${shareMovement(health.pct2011.bad_or_very_bad, health.pct2021.bad_or_very_bad)}`;
  return `In ${placeLabel}, ${listJoin([good, bad])}.`;
}
