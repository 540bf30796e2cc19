/**
 * The panel page's state: the result of the last "Build panel" and the message about a
 * panel link the page was opened with. The island reads these and calls the actions; the
 * work itself is the framework-free src/rubric/panel-assemble.ts, loaded only when the
 * reader first builds a panel, so the page's first load stays small.
 */
import { atom } from 'nanostores';
import type { AssembledPanel } from '../rubric/panel-assemble';
import type { RubricFrame, Scorecard } from '../rubric/types';

export interface PanelForm {
  readonly text: string;
  readonly includeSite: boolean;
  readonly includeMine: boolean;
}

export interface BuiltPanel extends AssembledPanel {
  readonly includeSite: boolean;
}

export const $form = atom<PanelForm>({ text: '', includeSite: false, includeMine: false });
export const $built = atom<BuiltPanel | null>(null);
/** A panel link in the address that could not be opened, as a sentence; null otherwise. */
export const $openProblem = atom<string | null>(null);
export const $building = atom(false);

const MAX_FILE_BYTES = 1_000_000;

export const editForm = (change: Partial<PanelForm>) => $form.set({ ...$form.get(), ...change });

// The same key the scorecard saves under (src/rubric/storage.ts); read here without loading that module up front.
const SAVED_CARD = 'labs-alignment.scorecard';

function savedCard(): string | null {
  try {
    return localStorage.getItem(SAVED_CARD);
  } catch {
    return null;
  }
}

/**
 * Starts loading the statistics as soon as the reader begins to fill the form, so that
 * "Build panel" does not wait for them; nothing is loaded for a reader who only reads.
 */
export function preloadStatistics(): Promise<typeof import('../rubric/panel-assemble')> {
  statistics ??= import('../rubric/panel-assemble');
  return statistics;
}
let statistics: ReturnType<typeof preloadStatistics> | undefined;

/** Pools what the form holds, plus the given files, into a panel. */
export async function buildPanel(frame: RubricFrame, site: Scorecard, files: readonly File[]): Promise<void> {
  $building.set(true);
  try {
    const [{ assemblePanel }, texts] = await Promise.all([
      preloadStatistics(),
      Promise.all(files.map(async (file) => ({ name: file.name, text: await readText(file) }))),
    ]);
    const form = $form.get();
    const built = assemblePanel(
      {
        text: form.text,
        files: texts,
        site: form.includeSite ? site : null,
        mine: form.includeMine ? { saved: savedCard() } : null,
        siteHost: typeof window === 'undefined' ? null : window.location.hostname,
      },
      frame,
    );
    $built.set({ ...built, includeSite: form.includeSite });
  } finally {
    $building.set(false);
  }
}

/** Files over 1 MB are not read at all: no scorecard export comes near it. */
async function readText(file: File): Promise<string | null> {
  return file.size > MAX_FILE_BYTES ? null : file.text();
}

/**
 * Opens a panel link from the address: its cards go into the textbox as ordinary lines,
 * named as they were, and the panel is built from them, so the reader can see and edit
 * exactly what the panel holds. A damaged link still yields the cards that arrived whole.
 * Resolves to what the page should bring into view: the built panel, the message, or nothing.
 */
export async function openPanelFromHash(
  hash: string,
  frame: RubricFrame,
  site: Scorecard,
  scorecardUrl: string,
): Promise<'results' | 'problem' | null> {
  const { decodePanel, panelFragmentFromHash } = await import('../rubric/panel-codec');
  const fragment = panelFragmentFromHash(hash);
  if (fragment === null) return null;
  const result = decodePanel(fragment);
  const opened = result.ok ? result : result.recovered;
  $openProblem.set(
    result.ok
      ? null
      : opened === undefined
        ? `${result.message} Paste the scorecard links below instead.`
        : result.message,
  );
  if (opened === undefined) return 'problem';
  const text = opened.cards
    .map(({ name, payload }) => `${name === null ? '' : `${name}: `}${scorecardUrl}#share=${payload}`)
    .join('\n');
  editForm({ text, includeSite: opened.includeSite, includeMine: false });
  await buildPanel(frame, site, []);
  return result.ok ? 'results' : 'problem';
}
