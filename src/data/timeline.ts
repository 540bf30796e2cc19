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
  /** Where the axis of years is written. */
  readonly yearsY: number;
  /** Where a lane's name is written, below the lane's top. */
  readonly laneLabelY: number;
  readonly radius: number;
}

/** Sizes in viewBox units; the SVG scales to its container, so these are proportions. */
export const TIMELINE = {
  width: 640,
  plotLeft: 16,
  plotRight: 624,
  radius: 5,
  gap: 1.5,
  /** Room for the lane's name above its marks, at the larger size phones give it. */
  laneLabel: 30,
  lanePadding: 10,
  yearsBand: 34,
} as const;

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

/** Lays out the lanes between the first and the last year that any mark falls in (whole years). */
export function layoutTimeline(lanes: readonly TimelineLane[], showNames: boolean): TimelineLayout {
  const { width, plotLeft, plotRight, radius, gap, laneLabel, lanePadding, yearsBand } = TIMELINE;
  const all = lanes.flatMap((l) => l.marks);
  const firstYear = Math.min(...all.map((m) => Number(m.date.slice(0, 4))));
  const lastYear = Math.max(...all.map((m) => Number(m.date.slice(0, 4))));
  const from = Number.isFinite(firstYear) ? firstYear : new Date().getUTCFullYear();
  const to = (Number.isFinite(lastYear) ? lastYear : from) + 1;
  const xOf = (date: string) =>
    plotLeft + ((yearFraction(date) - from) / (to - from)) * (plotRight - plotLeft);
  const step = 2 * radius + gap;

  let top = 0;
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
  const years = Array.from({ length: to - from + 1 }, (_, i) => ({
    year: from + i,
    x: plotLeft + (i / (to - from)) * (plotRight - plotLeft),
  }));
  return {
    width,
    height: top + yearsBand,
    plotLeft,
    plotRight,
    lanes: placed,
    years,
    yearsY: top + yearsBand - 8,
    laneLabelY: laneLabel - 6,
    radius,
  };
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
