/** Share, export, reset and import: what a reader does with a scorecard once it is filled in. */
import { useEffect, useState } from 'preact/hooks';
import type { RubricFrame, Scorecard as Card } from '../rubric/types';
import type { PendingImport } from './ImportPreview';
import { encodeShare } from '../rubric/codec';
import { isEmpty } from '../rubric/scorecard';
import { $card, resetScores, say } from './store';
import { Feedback } from './Feedback';
import { download } from './download';

// Export and import are loaded when first needed: most visits never use them, and the
// page's JavaScript budget is 15 KB.
const exchange = () => import('../rubric/exchange');
const importPreview = () => import('./ImportPreview');

/**
 * The export's file name, dated with the reader's own day: a second export on another day does not
 * overwrite the first, and the name says what the file is when it turns up in Downloads later.
 */
const fileName = (extension: string) =>
  `labs-alignment-scorecard-${new Date(Date.now() - new Date().getTimezoneOffset() * 6e4).toISOString().slice(0, 10)}.${extension}`;

async function exportFile(format: 'csv' | 'json', frame: RubricFrame): Promise<void> {
  const { toCsv, toJson } = await exchange();
  const name = fileName(format);
  if (format === 'csv') download(name, 'text/csv;charset=utf-8', toCsv($card.get(), frame));
  else download(name, 'application/json', toJson($card.get(), frame));
  // Browsers may save without showing anything: say what was written, beside the buttons.
  say({ kind: 'status', text: `Exported ${name}`, at: 'reset' });
}

export function ShareExport({ frame, card, note }: { frame: RubricFrame; card: Card; note: string }) {
  const [withNotes, setWithNotes] = useState(false);
  const [link, setLink] = useState('');
  const [pending, setPending] = useState<PendingImport | null>(null);
  const [Preview, setPreview] = useState<typeof import('./ImportPreview').ImportPreview | null>(null);
  // Made after paint, not while the edit renders: the link needs the page's address (so the
  // server renders it empty), and nobody reads it within the frame of an edit.
  useEffect(() => {
    setLink(`${location.origin}${location.pathname}#${encodeShare(card, frame, { notes: withNotes })}`);
  }, [card, withNotes]);
  const hasNotes = Object.values(card.cells).some((row) =>
    Object.values(row).some((c) => c.note !== undefined),
  );

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(link);
      say({ kind: 'status', text: 'Share link copied.', at: 'share' });
    } catch {
      say({
        kind: 'error',
        text: 'Copying was blocked by the browser: select the share link and copy it by hand.',
        at: 'share',
      });
    }
  }

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    setPending(null);
    if (file === undefined) return;
    const module = await importPreview();
    const read = await module.readImport(file, frame);
    if (read === null) return;
    setPreview(() => module.ImportPreview);
    setPending(read);
  }

  return (
    <section class="no-print share-export" aria-labelledby="share">
      <h2 id="share">Share, export, import</h2>
      <p>
        <label for="share-link">Share link</label>
        <input id="share-link" type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
      </p>
      <p>
        <label class="check">
          <input
            type="checkbox"
            checked={withNotes}
            onChange={(e) => setWithNotes(e.currentTarget.checked)}
          />{' '}
          Include notes in the link
        </label>
        <span class="meta check-hint">
          {withNotes
            ? 'Anyone with the link can read your notes.'
            : hasNotes
              ? 'Your notes stay in this browser.'
              : ''}
        </span>
      </p>
      <p class="actions">
        <button type="button" onClick={copyLink}>
          Copy share link
        </button>
      </p>
      <Feedback at="share" />
      <p class="meta">{note}</p>
      <p class="actions">
        <button type="button" onClick={() => exportFile('csv', frame)}>
          Export CSV
        </button>
        <button type="button" onClick={() => exportFile('json', frame)}>
          Export JSON
        </button>
        <button type="button" onClick={resetScores} disabled={isEmpty(card)}>
          Reset scores
        </button>
      </p>
      <Feedback at="reset" />
      <p>
        <label for="import-scores">Import scores (CSV or JSON)</label>{' '}
        <input
          id="import-scores"
          type="file"
          accept=".json,.csv,application/json,text/csv"
          onChange={(e) => importFile(e.currentTarget)}
        />
      </p>
      {pending && Preview && (
        <Preview pending={pending} frame={frame} mine={card} done={() => setPending(null)} />
      )}
      <Feedback at="import" />
    </section>
  );
}
