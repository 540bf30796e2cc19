/** What an import will change, and the choice of how to take it in: loaded only when a reader picks a file. */
import type { RubricFrame, Scorecard as Card } from '../rubric/types';
import type { Mentions } from '../rubric/exchange';
import { importedCard, planImport, type CardDiff, type ImportMode } from '../rubric/import-plan';
import { useEffect, useRef } from 'preact/hooks';
import { replaceScores, say } from './store';
import { describeUnknownIds } from '../rubric/import-plan';
import { fromCsv, fromJson } from '../rubric/exchange';
import { MAX_IMPORT_LENGTH } from '../rubric/types';
import { plural } from '../rubric/wording';

/** A file read and understood, waiting for the reader to choose how to take it in. */
export interface PendingImport {
  readonly name: string;
  readonly incoming: Card;
  readonly mentions: Mentions;
  readonly unknown: string;
}

const cells = (n: number) => plural(n, 'cell');

function DiffSummary({ diff, mode }: { diff: CardDiff; mode: ImportMode }) {
  const named = (list: CardDiff['added']) =>
    list.length === 0
      ? ''
      : `: ${list
          .slice(0, 6)
          .map((c) => `${c.lab.name} on ${c.analogy.name}`)
          .join('; ')}${list.length > 6 ? ` and ${list.length - 6} more` : ''}`;
  return (
    <li>
      <strong>{mode === 'merge' ? 'Merge into mine' : 'Replace mine'}</strong>
      {mode === 'merge' ? ' (cells the file does not mention are kept)' : ' (your card becomes the file’s)'}:
      <ul>
        <li>
          adds {cells(diff.added.length)}
          {named(diff.added)}
        </li>
        <li>
          changes {cells(diff.changed.length)}
          {named(diff.changed)}
        </li>
        <li>
          clears {cells(diff.cleared.length)}
          {named(diff.cleared)}
        </li>
        {diff.weights.length > 0 && (
          <li>
            sets the weight of{' '}
            {diff.weights.map((w) => `${w.analogy.name} from ${w.from} to ${w.to}`).join(', ')}
          </li>
        )}
      </ul>
    </li>
  );
}

/** Reads a picked file; says what is wrong with it next to the import control, or returns it for the preview. */
export async function readImport(file: File, frame: RubricFrame): Promise<PendingImport | null> {
  const fail = (why: string) => {
    say({
      kind: 'error',
      text: `${file.name} could not be imported: ${why} Your scores are unchanged.`,
      at: 'import',
    });
    return null;
  };
  // Bytes, checked before reading: a file within the cap in bytes is within it in characters.
  if (file.size > MAX_IMPORT_LENGTH) return fail('it is too large to be a scorecard (over 1 MB).');
  const text = await file.text();
  const result =
    /\.csv$/i.test(file.name) || !text.trimStart().startsWith('{')
      ? fromCsv(text, frame)
      : fromJson(text, frame);
  if (!result.ok) return fail(result.message);
  say(null);
  return {
    name: file.name,
    incoming: result.card,
    mentions: result.mentions,
    unknown: describeUnknownIds(result.unknown),
  };
}

export function ImportPreview({
  pending,
  frame,
  mine,
  done,
}: {
  pending: PendingImport;
  frame: RubricFrame;
  mine: Card;
  done: () => void;
}) {
  const box = useRef<HTMLElement>(null);
  // The preview appears below the file control; bring it into view, as any answer to an action.
  useEffect(() => box.current?.scrollIntoView({ block: 'nearest' }), [pending]);
  const result = (mode: ImportMode) => importedCard(mode, mine, pending.incoming, pending.mentions, frame);
  const { merge, replace, changesNothing } = planImport(mine, pending.incoming, pending.mentions, frame);
  const take = (mode: ImportMode) => {
    replaceScores(
      result(mode),
      'Undo import',
      `${mode === 'merge' ? 'Merged' : 'Replaced your scores with'} the scores from ${pending.name}.`,
      'import',
    );
    done();
  };
  if (changesNothing)
    return (
      <section ref={box} class="import-preview card" aria-labelledby="import-preview-title">
        <h3 id="import-preview-title">Nothing to import from {pending.name}</h3>
        {pending.unknown !== '' && <p>{pending.unknown}</p>}
        <p>
          {pending.unknown === ''
            ? 'It holds the same levels, confidence, notes and weights as your scorecard, so importing it would change nothing.'
            : 'Nothing else in it differs from your scorecard, so importing it would change nothing.'}
        </p>
        <p class="actions">
          <button type="button" onClick={done}>
            Close
          </button>
        </p>
      </section>
    );
  return (
    <section ref={box} class="import-preview card" aria-labelledby="import-preview-title">
      <h3 id="import-preview-title">Import {pending.name}?</h3>
      {pending.unknown !== '' && <p>{pending.unknown}</p>}
      <ul>
        <DiffSummary diff={merge} mode="merge" />
        {replace && <DiffSummary diff={replace} mode="replace" />}
      </ul>
      <p class="actions">
        <button type="button" class="primary" onClick={() => take('merge')}>
          Merge into mine
        </button>
        {replace && (
          <button type="button" onClick={() => take('replace')}>
            Replace mine
          </button>
        )}
        <button type="button" onClick={done}>
          Cancel
        </button>
      </p>
      <p class="meta">
        A cell counts as changed when its level, confidence or note does. Either choice can be undone.
      </p>
    </section>
  );
}
