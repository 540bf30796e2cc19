/**
 * The geometry of the build-time evidence timelines: one lane per lab, time along the axis,
 * marks that support an analogy above it and marks that weaken it below, stacked outwards
 * where they would overlap. Plain TypeScript: the component only draws what this returns.
 */
import { cellBearings, type EvidenceRef } from '../rubric/scoring';

/** One bearing of one item on one lab's lane. */
export interface TimelineMark {
  readonly id: string;
  readonly date: string;
  readonly analogy: string;
  readonly direction: 'supports' | 'weakens';
}

export interface TimelineLane {
  readonly id: string;
  readonly name: string;
  readonly marks: readonly TimelineMark[];
}

export interface PlacedMark extends TimelineMark {
  readonly x: number;
  readonly y: number;
}

export interface PlacedLane {
  readonly id: string;
  readonly name: string;
  /** Where the lane's axis runs. */
  readonly axisY: number;
  readonly top: number;
  readonly marks: readonly PlacedMark[];
}

export interface TimelineLayout {
  readonly width: number;
  readonly height: number;
  readonly plotLeft: number;
  readonly plotRight: number;
  readonly lanes: readonly PlacedLane[];
  /** 1 January of every year shown, with its position. */
  readonly years: readonly { readonly year: number; readonly x: number }[];
  /** The years written under the axis, each centred on its year: every year, or every other one where they would touch. */
  readonly yearLabels: readonly { readonly year: number; readonly x: number }[];
  /** Where the axis of years is written. */
  readonly yearsY: number;
  /** Where the years are written again above the first lane, when there are several lanes: a
   * tall drawing would otherwise leave its top lanes without a year in sight. */
  readonly yearsTopY: number | null;
  /** Where the years' lines start. */
  readonly plotTop: number;
  /** Where a lane's name is written, below the lane's top. */
  readonly laneLabelY: number;
  readonly radius: number;
  readonly fontSize: number;
}

/**
 * The sizes of one drawing, in viewBox units. The SVG scales to its container, so a profile is
 * drawn for the range of widths it is shown at: one viewBox unit is about one CSS pixel at the
 * narrowest width it is shown at, so that its marks and labels never come out smaller than this.
 */
export interface TimelineProfile {
  readonly width: number;
  readonly plotLeft: number;
  readonly plotRight: number;
  /** Half a mark's width: every mark fits in a square of twice this side. */
  readonly radius: number;
  /** The least room between two marks. */
  readonly gap: number;
  readonly fontSize: number;
  /** Room for a lane's name above its marks. */
  readonly laneLabel: number;
  readonly lanePadding: number;
  readonly yearsBand: number;
}

/**
 * Two drawings: the wide one from a 640 px container up (the column is at most 768 px), and the
 * narrow one below it, drawn for a 344 px container (a 375 px phone), where the wide drawing
 * shrunk to fit would give 5 px marks. Each is shown at a scale of about 1 or more, so that its
 * marks are 13 to 16 px across both on a 375 px phone and at 1280 px, and its labels 15 px or
 * more; at the narrow ends of their ranges (a 320 px phone, a 672 px window) the smallest shape,
 * the square, is 11 px. The component shows one drawing and hides the other, switching at a
 * container as wide as the wide drawing (its CSS says `@container (min-width: 40rem)`).
 */
export const TIMELINE_PROFILES = {
  wide: {
    width: 640,
    plotLeft: 16,
    plotRight: 624,
    radius: 6.5,
    gap: 2,
    fontSize: 15,
    laneLabel: 26,
    lanePadding: 10,
    yearsBand: 30,
  },
  narrow: {
    width: 344,
    plotLeft: 10,
    plotRight: 334,
    radius: 8,
    gap: 2,
    fontSize: 15,
    laneLabel: 26,
    lanePadding: 8,
    yearsBand: 30,
  },
} as const satisfies Record<string, TimelineProfile>;

/** A day or a month as a fraction of the years: a month is placed at its middle. */
export function yearFraction(date: string): number {
  const [year = 0, month = 1, day] = date.split('-').map(Number);
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const at = day === undefined ? Date.UTC(year, month - 1, 15) : Date.UTC(year, month - 1, day);
  return year + (at - start) / (end - start);
}

/** Levels outward from the axis: each mark takes the lowest level where it touches no earlier mark. */
function stack(xs: readonly number[], minDistance: number): number[] {
  const levels: number[][] = [];
  return xs.map((x) => {
    let level = levels.findIndex((taken) => taken.every((other) => Math.abs(other - x) >= minDistance));
    if (level === -1) level = levels.push([]) - 1;
    levels[level]!.push(x);
    return level;
  });
}

/** How wide a year such as "2025" is written, as a share of the font size (digits are about 0.6 em in a sans serif). */
const YEAR_LABEL_EMS = 4 * 0.6;

/**
 * Lays out the lanes between the first and the last year that any mark falls in (whole years).
 * Marks on one level of one side are at least a mark and a gap apart along the axis, and levels
 * are a mark and a gap apart across it, so no two marks' squares overlap.
 */
export function layoutTimeline(
  lanes: readonly TimelineLane[],
  showNames: boolean,
  profile: TimelineProfile = TIMELINE_PROFILES.wide,
): TimelineLayout {
  const { width, plotLeft, plotRight, radius, gap, fontSize, laneLabel, lanePadding, yearsBand } = profile;
  const all = lanes.flatMap((l) => l.marks);
  const firstYear = Math.min(...all.map((m) => Number(m.date.slice(0, 4))));
  const lastYear = Math.max(...all.map((m) => Number(m.date.slice(0, 4))));
  const from = Number.isFinite(firstYear) ? firstYear : new Date().getUTCFullYear();
  const to = (Number.isFinite(lastYear) ? lastYear : from) + 1;
  const xOf = (date: string) =>
    plotLeft + ((yearFraction(date) - from) / (to - from)) * (plotRight - plotLeft);
  const step = 2 * radius + gap;

  const plotTop = showNames ? yearsBand : 0;
  let top = plotTop;
  const placed = lanes.map((lane) => {
    const sorted = [...lane.marks].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
    const sides = (['supports', 'weakens'] as const).map((direction) => {
      const marks = sorted.filter((m) => m.direction === direction);
      const xs = marks.map((m) => xOf(m.date));
      return { marks, xs, levels: stack(xs, step) };
    });
    const [up, down] = sides as [(typeof sides)[0], (typeof sides)[0]];
    const upHeight = (Math.max(-1, ...up.levels) + 1) * step;
    const downHeight = (Math.max(-1, ...down.levels) + 1) * step;
    const laneTop = top;
    const axisY = laneTop + (showNames ? laneLabel : 0) + lanePadding + Math.max(upHeight, step);
    const marks = [
      ...up.marks.map((m, i) => ({ ...m, x: up.xs[i]!, y: axisY - radius - gap - up.levels[i]! * step })),
      ...down.marks.map((m, i) => ({
        ...m,
        x: down.xs[i]!,
        y: axisY + radius + gap + down.levels[i]! * step,
      })),
    ];
    top = axisY + Math.max(downHeight, step) + lanePadding;
    return { id: lane.id, name: lane.name, axisY, top: laneTop, marks };
  });
  const yearWidth = (plotRight - plotLeft) / (to - from);
  const years = Array.from({ length: to - from + 1 }, (_, i) => ({
    year: from + i,
    x: plotLeft + i * yearWidth,
  }));
  // Every nth year, where n years leave room for a label and a space between labels.
  const every = Math.ceil(((YEAR_LABEL_EMS + 1) * fontSize) / yearWidth);
  const yearLabels = years
    .slice(0, -1)
    .filter((_, i) => i % every === 0)
    .map((tick) => ({ year: tick.year, x: tick.x + yearWidth / 2 }));
  return {
    width,
    height: top + yearsBand,
    plotLeft,
    plotRight,
    lanes: placed,
    years,
    yearLabels,
    yearsY: top + yearsBand - 8,
    yearsTopY: showNames ? yearsBand - 10 : null,
    plotTop,
    laneLabelY: laneLabel - 8,
    radius,
    fontSize,
  };
}

/**
 * The six analogies' shapes, in the analogies' order: each analogy has a shape as well as a
 * colour, so that no reader needs to tell the colours apart. All fit in the square of side
 * 2 x radius around the mark's centre (which is what the layout keeps apart), and are drawn
 * about as heavy as one another.
 */
export const MARK_SHAPES = ['circle', 'square', 'triangle', 'diamond', 'plus', 'star'] as const;
export type MarkShape = (typeof MARK_SHAPES)[number];

const CIRCLE = 0.94;

/** The outline of a shape, as points in the unit square (-1 to 1) around its centre. */
const OUTLINES: Record<Exclude<MarkShape, 'circle'>, readonly (readonly [number, number])[]> = {
  square: [
    [-0.84, -0.84],
    [0.84, -0.84],
    [0.84, 0.84],
    [-0.84, 0.84],
  ],
  triangle: [
    [0, -1],
    [1, 0.8],
    [-1, 0.8],
  ],
  diamond: [
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ],
  plus: (() => {
    const w = 0.36;
    return [
      [-w, -1],
      [w, -1],
      [w, -w],
      [1, -w],
      [1, w],
      [w, w],
      [w, 1],
      [-w, 1],
      [-w, w],
      [-1, w],
      [-1, -w],
      [-w, -w],
    ] as const;
  })(),
  // Five points; the outer radius fills the square's width, and the star is moved down to sit
  // in the middle of the square's height.
  star: Array.from({ length: 10 }, (_, i) => {
    const outer = 1 / Math.sin((2 * Math.PI) / 5);
    const r = i % 2 === 0 ? outer : outer * 0.55;
    const angle = (i * Math.PI) / 5;
    return [r * Math.sin(angle), -r * Math.cos(angle) + (outer * (1 - Math.cos(Math.PI / 5))) / 2] as const;
  }),
};

/** The shape of an analogy's marks, by its place in the site's order (1 to 6). */
export function shapeOf(analogyNumber: number): MarkShape {
  return MARK_SHAPES[(analogyNumber - 1 + MARK_SHAPES.length) % MARK_SHAPES.length]!;
}

/** The SVG path of a mark of a shape centred at (x, y), drawn in a square of side 2 x radius. */
export function markPath(shape: MarkShape, x: number, y: number, radius: number): string {
  const n = (v: number) => String(Math.round(v * 10) / 10);
  if (shape === 'circle') {
    // A little inside the square, as a full circle looks heavier than the other shapes.
    const r = n(radius * CIRCLE);
    return `M${n(x - radius * CIRCLE)} ${n(y)}a${r} ${r} 0 1 0 ${n(2 * radius * CIRCLE)} 0a${r} ${r} 0 1 0 -${n(2 * radius * CIRCLE)} 0Z`;
  }
  return `M${OUTLINES[shape].map(([px, py]) => `${n(x + px * radius)} ${n(y + py * radius)}`).join('L')}Z`;
}

/** A lab's lane: one mark per analogy each item bears on for that lab (a bearing narrowed to other labs is left out). */
export function laneFor(
  lab: { readonly id: string; readonly name: string },
  items: readonly (EvidenceRef & { readonly id: string; readonly date: string })[],
): TimelineLane {
  return {
    id: lab.id,
    name: lab.name,
    marks: items.flatMap((item) =>
      cellBearings(item)
        .filter((b) => b.lab === lab.id)
        .map((b) => ({ id: item.id, date: item.date, analogy: b.analogy, direction: b.direction })),
    ),
  };
}
