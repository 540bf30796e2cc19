/**
 * The panel page's form: scorecard links, files, two checkboxes and "Build panel". What a
 * built panel shows (PanelResults) and the statistics behind it load once the reader starts
 * filling the form (or opens a panel link), so the page's first load carries only this form.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FunctionComponent } from 'preact';
import type { RubricFrame, Scorecard } from '../rubric/types';
import { useStore } from './use-store';
import {
  $building,
  $built,
  $form,
  $openProblem,
  buildPanel,
  editForm,
  openPanelFromHash,
  preloadStatistics,
} from './panel-store';
import type { ResultsProps } from './PanelResults';

interface Props {
  frame: RubricFrame;
  /** The site's reading as a card, for "Include the site's reading". */
  site: Scorecard;
  /** The scorecard page's path, base path included: opened panel links become links to it. */
  scorecardPath: string;
}

export default function Panel({ frame, site, scorecardPath }: Props) {
  const form = useStore($form);
  const built = useStore($built);
  const building = useStore($building);
  const openProblem = useStore($openProblem);
  const files = useRef<HTMLInputElement>(null);
  const [Results, setResults] = useState<FunctionComponent<ResultsProps> | null>(null);
  // What an opened panel link should bring into view once it is on the page: whoever opens a
  // panel link came for the panel, which on a phone sits a screen or more below the form.
  const [reveal, setReveal] = useState<'results' | 'problem' | null>(null);

  const loadResults = async () => {
    const module = await import('./PanelResults');
    setResults(() => module.PanelResults);
  };
  // The reader has begun: fetch what "Build panel" needs while they finish.
  const prepare = () => {
    void preloadStatistics();
    void loadResults();
  };

  useEffect(() => {
    const open = async () => {
      if (!window.location.hash.startsWith('#panel=')) return;
      const [opened] = await Promise.all([
        openPanelFromHash(
          window.location.hash,
          frame,
          site,
          new URL(scorecardPath, window.location.href).href,
        ),
        loadResults(),
      ]);
      setReveal(opened);
    };
    void open();
    // A panel link pasted into this tab's address bar arrives as a hash change, not a new page.
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, []);

  useEffect(() => {
    if (reveal === null) return;
    const target = document.getElementById(reveal === 'results' ? 'panel-results' : 'panel-open-problem');
    if (target === null) return;
    target.focus();
    setReveal(null);
  }, [reveal, built, Results]);

  async function submit(event: Event) {
    event.preventDefault();
    await Promise.all([buildPanel(frame, site, [...(files.current?.files ?? [])]), loadResults()]);
  }

  const lineProblems = built?.lineProblems ?? [];
  const otherProblems = built?.otherProblems ?? [];
  return (
    <div class="panel-builder">
      <div role="alert" id="panel-open-problem" tabindex={-1} class="message error">
        {openProblem}
      </div>
      <form class="panel-form card" onSubmit={submit}>
        <label for="panel-links">Scorecard links</label>
        <p id="panel-links-hint" class="meta">
          One share link per line, copied from the "Share link" box of a scorecard. To name a rater, put the
          name and a colon before the link: <code>Alice: https://…</code>. Unnamed raters are numbered.
        </p>
        <textarea
          id="panel-links"
          rows={6}
          spellcheck={false}
          autocomplete="off"
          aria-describedby="panel-links-hint panel-line-problems"
          aria-invalid={lineProblems.length > 0 ? 'true' : undefined}
          value={form.text}
          onFocus={prepare}
          onInput={(e) => editForm({ text: e.currentTarget.value })}
        />
        <div id="panel-line-problems">
          {lineProblems.length > 0 && (
            <ul class="message error problems">
              {lineProblems.map((problem) => (
                <li>{problem.message}</li>
              ))}
            </ul>
          )}
        </div>
        <p>
          <label for="panel-files">Add scorecard files</label>{' '}
          <span class="meta" id="panel-files-hint">
            (JSON or CSV, as exported from a scorecard; you can pick several)
          </span>
          <input
            id="panel-files"
            ref={files}
            type="file"
            multiple
            accept=".json,.csv,application/json,text/csv"
            aria-describedby="panel-files-hint panel-other-problems"
            onChange={prepare}
          />
        </p>
        <fieldset class="panel-include">
          <legend>Also include</legend>
          <label>
            <input
              type="checkbox"
              checked={form.includeSite}
              onChange={(e) => editForm({ includeSite: e.currentTarget.checked })}
            />{' '}
            Include the site's reading
          </label>
          <label>
            <input
              type="checkbox"
              checked={form.includeMine}
              onChange={(e) => editForm({ includeMine: e.currentTarget.checked })}
            />{' '}
            Include mine <span class="meta">(the scorecard saved in this browser)</span>
          </label>
        </fieldset>
        <div id="panel-other-problems">
          {otherProblems.length > 0 && (
            <ul class="message error problems">
              {otherProblems.map((message) => (
                <li>{message}</li>
              ))}
            </ul>
          )}
        </div>
        <p class="actions">
          <button type="submit" aria-describedby="panel-summary">
            Build panel
          </button>
        </p>
        <p
          role="status"
          id="panel-summary"
          class="message panel-summary"
          aria-busy={building ? 'true' : undefined}
        >
          {built?.summary}
        </p>
      </form>
      {built?.panel && Results && <Results frame={frame} built={built} />}
    </div>
  );
}
