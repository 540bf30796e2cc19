/**
 * What a built panel shows: agreement, the contested cells, the reader's own differences,
 * each cell's median, range and levels, each lab's aggregates and ranks, and the panel link
 * and CSV export. Loaded on the first "Build panel"; the numbers come from src/rubric/panel.ts.
 */
import { useMemo, useState } from 'preact/hooks';
import type { RubricFrame, RubricItem } from '../rubric/types';
import type { AlphaResult } from '../rubric/krippendorff';
import { OTHER_MINE_RATER, describeAlpha, type CellSummary, type Panel, type Rater } from '../rubric/panel';
import { panelLink } from '../rubric/panel-codec';
import { panelCsv } from '../rubric/panel-csv';
import { LEVELS } from '../rubric/types';
import type { BuiltPanel } from './panel-store';
import { download } from './download';
import { plural } from '../rubric/wording';

export interface ResultsProps {
  frame: RubricFrame;
  built: BuiltPanel;
}

/** Levels and medians: whole numbers as they are, halves with one decimal. */
const level = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
const score = (value: number | null) => (value === null ? '–' : value.toFixed(2));

function nameOf(items: readonly RubricItem[], id: string): string {
  return items.find((item) => item.id === id)?.name ?? id;
}

function AlphaCell({ result }: { result: AlphaResult }) {
  return result.alpha === null ? (
    <td>
      <span aria-hidden="true">–</span>
      <span class="visually-hidden">cannot be computed</span>
    </td>
  ) : (
    <td>{result.alpha.toFixed(3)}</td>
  );
}

/** Below this many paired cells, the page warns that alpha is a rough figure. */
const FEW_CELLS = 5;

function whyNoAlpha(result: AlphaResult): string {
  return result.gap === 'nothing-to-pair'
    ? 'no cell was scored by two or more raters, so there is nothing to compare'
    : result.gap === 'one-unit'
      ? 'only one cell was scored by two or more raters, and alpha needs two or more to weigh disagreement within a cell against the spread across cells'
      : 'every cell scored by two or more raters got the same level from all of them, so agreement cannot be told apart from chance';
}

function Agreement({ frame, panel }: { frame: RubricFrame; panel: Panel }) {
  const { agreement } = panel;
  return (
    <section aria-labelledby="panel-agreement">
      <h2 id="panel-agreement">Agreement</h2>
      {agreement.alpha === null ? (
        <p class="alpha-headline">
          Krippendorff's alpha (ordinal) cannot be computed for this panel: {whyNoAlpha(agreement)}.
        </p>
      ) : (
        <>
          <p class="alpha-headline">Krippendorff's alpha (ordinal): {agreement.alpha.toFixed(3)}</p>
          <p>
            That is {describeAlpha(agreement.alpha)}. It rests on {plural(panel.raters.length, 'rater')} and{' '}
            {plural(agreement.pairable, 'score')} in the {plural(agreement.units, 'cell')} that two or more
            raters scored; cells only one rater scored do not count. 1 means the raters agree on every cell, 0
            means they agree no more than chance would have them, and below 0 they disagree more than chance
            would.
            {agreement.units < FEW_CELLS &&
              ' With so few cells scored by more than one rater, treat this figure as very rough.'}
          </p>
        </>
      )}
      <div class="table-wrap" tabindex={0} role="region" aria-labelledby="panel-alpha-caption">
        <table class="panel-table">
          <caption id="panel-alpha-caption">Krippendorff's alpha (ordinal), analogy by analogy</caption>
          <thead>
            <tr>
              <th scope="col">Analogy</th>
              <th scope="col">Alpha</th>
              <th scope="col">Cells</th>
              <th scope="col">Scores</th>
            </tr>
          </thead>
          <tbody>
            {panel.byAnalogy.map(({ analogy, result }) => (
              <tr>
                <th scope="row">{nameOf(frame.analogies, analogy)}</th>
                <AlphaCell result={result} />
                <td>{result.units}</td>
                <td>{result.pairable}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="meta">
        An analogy's alpha compares the labs on that analogy alone; with only a few labs it moves a lot when
        one rater changes one level. An alpha below 0 means the raters disagree more than chance would. A dash
        means it cannot be computed: fewer than two of its cells were scored by two or more raters, or all of
        them gave the same level.
      </p>
    </section>
  );
}

function cellLabel(frame: RubricFrame, cell: CellSummary): string {
  return `${nameOf(frame.labs, cell.lab)}, ${nameOf(frame.analogies, cell.analogy)}`;
}

function Disagreement({ frame, panel }: { frame: RubricFrame; panel: Panel }) {
  const { contested } = panel;
  return (
    <section aria-labelledby="panel-disagreement">
      <h2 id="panel-disagreement">Where the panel disagrees most</h2>
      {!panel.paired ? (
        <p>No cell was scored by two or more raters, so disagreement cannot be judged yet.</p>
      ) : contested.length === 0 ? (
        <p>
          No cell stands out: where two or more raters scored a cell, they were on average within three
          quarters of a level of its median.
        </p>
      ) : (
        <ul>
          {contested.map((cell) => (
            <li>
              <strong>{cellLabel(frame, cell)}</strong>: levels from {cell.min} to {cell.max}, median{' '}
              {level(cell.median!)}, from {plural(cell.count, 'rater')}. Worth discussing first.
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Mine({ frame, panel }: { frame: RubricFrame; panel: Panel }) {
  return (
    <section aria-labelledby="panel-mine">
      <h2 id="panel-mine">Where yours differs most from the panel</h2>
      {panel.mineDiffers.length === 0 ? (
        <p>
          Wherever you and others scored the same cell, your level is within one level of the panel's median.
        </p>
      ) : (
        <ul>
          {panel.mineDiffers.map((d) => (
            <li>
              <strong>
                {nameOf(frame.labs, d.lab)}, {nameOf(frame.analogies, d.analogy)}
              </strong>
              : yours {d.mine}, panel median {level(d.median)} (
              {d.difference > 0 ? 'you are higher' : 'you are lower'} by {level(Math.abs(d.difference))}).
            </li>
          ))}
        </ul>
      )}
      <p class="meta">The panel's median here includes your own card.</p>
    </section>
  );
}

function Medians({ frame, panel }: { frame: RubricFrame; panel: Panel }) {
  return (
    <section aria-labelledby="panel-cells">
      <h2 id="panel-cells">Each cell: median, range and raters</h2>
      <p>
        Each cell shows the median level, then the range of levels given and how many raters scored it. Cells
        marked ◆ are where the panel disagrees most.
      </p>
      <div class="table-wrap" tabindex={0} role="region" aria-labelledby="panel-medians-caption">
        <table class="panel-table medians">
          <caption id="panel-medians-caption">Median, range and raters of each cell</caption>
          <thead>
            <tr>
              <th scope="col">Lab</th>
              {frame.analogies.map((analogy) => (
                <th scope="col">{analogy.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {frame.labs.map((lab, l) => (
              <tr>
                <th scope="row">{lab.name}</th>
                {panel.cells[l]!.map((cell) =>
                  cell.median === null ? (
                    <td class="unscored">
                      <span aria-hidden="true">·</span>
                      <span class="visually-hidden">nobody scored this</span>
                    </td>
                  ) : (
                    <td class={`level-${Math.round(cell.median)}${cell.contested ? ' contested' : ''}`}>
                      <span class="median">
                        {level(cell.median)}
                        {cell.contested && (
                          <>
                            <span aria-hidden="true"> ◆</span>
                            <span class="visually-hidden"> (strong disagreement)</span>
                          </>
                        )}
                      </span>
                      <span class="range">
                        {cell.min === cell.max ? `all ${cell.min}` : `${cell.min}–${cell.max}`}
                        <span class="visually-hidden">,</span> · {cell.count}
                        <span class="visually-hidden"> {cell.count === 1 ? 'rater' : 'raters'}</span>
                      </span>
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const ROW = 30;
const LEFT = 130;
const STEP = 44;

/** One analogy's levels as a dot strip: a row per lab, a dot per level sized by how many gave it. */
function DotStrip({ frame, panel, a }: { frame: RubricFrame; panel: Panel; a: number }) {
  const analogy = frame.analogies[a]!;
  const cells = panel.cells.map((row) => row[a]!);
  const most = Math.max(1, ...cells.flatMap((cell) => cell.levels));
  const height = ROW * (frame.labs.length + 1);
  const id = `strip-${analogy.id}`;
  const summary = cells
    .map((cell) =>
      cell.median === null
        ? `${nameOf(frame.labs, cell.lab)}: not scored`
        : `${nameOf(frame.labs, cell.lab)}: median ${level(cell.median)}, ${cell.min} to ${cell.max}`,
    )
    .join('; ');
  return (
    <figure class="dot-strip">
      <figcaption id={`${id}-caption`}>{analogy.name}</figcaption>
      <svg
        viewBox={`0 0 ${LEFT + STEP * 5} ${height}`}
        role="img"
        aria-labelledby={`${id}-title`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>
          Levels given for {analogy.name}. {summary}. The table below gives the counts.
        </title>
        {LEVELS.map((value) => (
          <text x={LEFT + STEP * value + STEP / 2} y={ROW * 0.65} text-anchor="middle" class="axis">
            {value}
          </text>
        ))}
        {cells.map((cell, l) => {
          const y = ROW * (l + 1.5);
          return (
            <g>
              <text x={0} y={y + 5} class="lab">
                {nameOf(frame.labs, cell.lab)}
              </text>
              <line x1={LEFT + STEP / 2} x2={LEFT + STEP * 4.5} y1={y} y2={y} class="track" />
              {cell.levels.map((count, value) =>
                count === 0 ? null : (
                  <circle
                    cx={LEFT + STEP * value + STEP / 2}
                    cy={y}
                    r={3 + 8 * Math.sqrt(count / most)}
                    class="dot"
                  />
                ),
              )}
              {/* The median is drawn over the dots, on a halo, so the biggest dot cannot hide it. */}
              {cell.median !== null &&
                ['median-halo', 'median-mark'].map((name) => (
                  <line
                    x1={LEFT + STEP * cell.median! + STEP / 2}
                    x2={LEFT + STEP * cell.median! + STEP / 2}
                    y1={y - 14}
                    y2={y + 14}
                    class={name}
                  />
                ))}
            </g>
          );
        })}
      </svg>
      <div class="table-wrap" tabindex={0} role="region" aria-labelledby={`${id}-table`}>
        <table class="panel-table counts">
          <caption id={`${id}-table`}>{analogy.name}: how many raters gave each level</caption>
          <thead>
            <tr>
              <th scope="col">Lab</th>
              {LEVELS.map((value) => (
                <th scope="col">{value}</th>
              ))}
              <th scope="col">Median</th>
            </tr>
          </thead>
          <tbody>
            {cells.map((cell) => (
              <tr>
                <th scope="row">{nameOf(frame.labs, cell.lab)}</th>
                {cell.levels.map((count) => (
                  <td>{count}</td>
                ))}
                <td>{cell.median === null ? '–' : level(cell.median)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

function Labs({ frame, panel }: { frame: RubricFrame; panel: Panel }) {
  return (
    <section aria-labelledby="panel-labs">
      <h2 id="panel-labs">Labs: aggregates and ranks</h2>
      <p>
        Each rater's aggregate for a lab is the weighted mean of the cells they scored, under their own
        weights. Rank 1 is the lab that rater scored highest, that is, the one the analogies fit best. An
        aggregate counts in the median and the ranks only when it rests on at least half of the analogies that
        rater weighs: a rater who scored a lab on one or two cells would otherwise rank it as firmly as one
        who scored them all. Each rater ranks only the labs that count for them.
      </p>
      <div class="table-wrap" tabindex={0} role="region" aria-labelledby="panel-ranks-caption">
        <table class="panel-table">
          <caption id="panel-ranks-caption">
            Median aggregate of each lab, and how many raters put it at each rank
          </caption>
          <thead>
            <tr>
              <th scope="col">Lab</th>
              <th scope="col">Median aggregate</th>
              <th scope="col">Raters counted</th>
              {frame.labs.map((_, rank) => (
                <th scope="col">Rank {rank + 1}</th>
              ))}
              <th scope="col">Too few cells</th>
              <th scope="col">No score</th>
            </tr>
          </thead>
          <tbody>
            {panel.labs.map((lab) => (
              <tr>
                <th scope="row">{nameOf(frame.labs, lab.lab)}</th>
                <td>{score(lab.median)}</td>
                <td>{lab.counted.filter(Boolean).length}</td>
                {lab.ranks.map((count) => (
                  <td class={count === 0 ? 'muted' : undefined}>{count}</td>
                ))}
                <td class={lab.thin === 0 ? 'muted' : undefined}>{lab.thin}</td>
                <td class={lab.unranked === 0 ? 'muted' : undefined}>{lab.unranked}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="table-wrap" tabindex={0} role="region" aria-labelledby="panel-aggregates-caption">
        <table class="panel-table">
          <caption id="panel-aggregates-caption">
            Each rater's aggregate per lab (0 to 4); in brackets where it rests on too few cells to count
          </caption>
          <thead>
            <tr>
              <th scope="col">Rater</th>
              {frame.labs.map((lab) => (
                <th scope="col">{lab.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {panel.raters.map((rater, r) => (
              <tr>
                <th scope="row">{rater}</th>
                {panel.labs.map((lab) => {
                  const value = lab.aggregates[r] ?? null;
                  return value === null || lab.counted[r] ? (
                    <td>{score(value)}</td>
                  ) : (
                    <td class="muted">
                      ({score(value)})<span class="visually-hidden"> too few cells, not counted</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ShareAndExport({ frame, built }: ResultsProps) {
  const link = useMemo(() => {
    const cards = built.raters
      .filter((rater) => rater.site !== true)
      .map((rater) => ({ name: rater.name, card: rater.card }));
    return panelLink(window.location.origin + window.location.pathname, cards, built.includeSite, frame);
  }, [built]);
  const [copied, setCopied] = useState<string | null>(null);
  const mineName = built.raters.find((rater) => rater.mine === true)?.name;

  async function copy() {
    if (!link.ok) return;
    try {
      await navigator.clipboard.writeText(link.link);
      setCopied('Panel link copied.');
    } catch {
      setCopied('Copying was blocked by the browser: select the panel link and copy it by hand.');
    }
  }

  return (
    <section aria-labelledby="panel-share">
      <h2 id="panel-share">Share or export the panel</h2>
      <p>
        <label for="panel-link">Panel link</label>
        <input
          id="panel-link"
          type="text"
          readOnly
          value={link.ok ? link.link : ''}
          aria-describedby="panel-link-note"
          aria-invalid={link.ok ? undefined : 'true'}
          onFocus={(e) => e.currentTarget.select()}
        />
      </p>
      <p id="panel-link-note" class={link.ok ? 'meta' : 'message error'}>
        {link.ok
          ? `The link holds every card of this panel after the "#", which browsers never send to a server; notes are left out.${mineName === undefined ? '' : ` Your own card travels in it as "${mineName}", the name it has here.`}`
          : link.message}
      </p>
      <p class="actions">
        <button type="button" onClick={copy} disabled={!link.ok}>
          Copy panel link
        </button>
        <button
          type="button"
          onClick={() => download('panel.csv', 'text/csv;charset=utf-8', panelCsv(built.raters, frame))}
        >
          Export panel CSV
        </button>
      </p>
      <p role="status" class="message">
        {copied}
      </p>
      <p class="meta">
        The CSV has one row per rater, lab and analogy: rater, lab, analogy, level, weight, confidence, then
        the lab's and analogy's names. A cell the rater left unscored has an empty level and weight.
      </p>
    </section>
  );
}

/** A rater as the rater line names them: whose card it is, and the site's reading it matches. */
function raterLabel(rater: Rater): string {
  const notes = [
    rater.mine === true && rater.name !== OTHER_MINE_RATER ? 'your card' : '',
    rater.alsoSite === true ? "the same scores as the site's reading" : '',
  ].filter(Boolean);
  return notes.length === 0 ? rater.name : `${rater.name} (${notes.join('; ')})`;
}

export function PanelResults({ frame, built }: ResultsProps) {
  const panel = built.panel!;
  const hasMine = built.raters.some((rater) => rater.mine === true);
  return (
    <div class="panel-results">
      <p class="panel-raters" id="panel-results" tabindex={-1}>
        <strong>Raters:</strong> {built.raters.map((rater) => raterLabel(rater)).join(', ')}.
        {built.unknown.length > 0 &&
          ` Some cards also score ${built.unknown.join(', ')}, which this site does not list; those scores were left out.`}
      </p>
      <Agreement frame={frame} panel={panel} />
      <Disagreement frame={frame} panel={panel} />
      {hasMine && <Mine frame={frame} panel={panel} />}
      <Medians frame={frame} panel={panel} />
      <section aria-labelledby="panel-levels">
        <h2 id="panel-levels">The levels given, analogy by analogy</h2>
        <p class="meta">
          Each dot is a level some raters gave; the bigger the dot, the more raters gave it. The upright line
          is the median.
        </p>
        <div class="dot-strips">
          {frame.analogies.map((_, a) => (
            <DotStrip frame={frame} panel={panel} a={a} />
          ))}
        </div>
      </section>
      <Labs frame={frame} panel={panel} />
      <ShareAndExport frame={frame} built={built} />
    </div>
  );
}
