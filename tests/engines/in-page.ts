/**
 * Functions that run inside the page under test. Both drivers send a function's source text
 * (puppeteer's evaluate and WebDriver's execute script alike), so each one is self-contained:
 * no imports, no helpers from outside its own body, only plain JSON in and out.
 */

/**
 * Reads the page to the end as a reader would, each island into view in turn, and resolves once
 * every island has hydrated (Astro removes `ssr` from an astro-island once its component has
 * rendered in the browser). Rejects, naming the component, if one has not within `timeoutMs`.
 */
export async function hydrateEveryIsland(timeoutMs: number): Promise<number> {
  const islands = [...document.querySelectorAll('astro-island')];
  for (const island of islands) {
    // astro-island is display: contents and has no box of its own: bring its content into view.
    (island.firstElementChild ?? island).scrollIntoView({ block: 'center' });
    if (!island.hasAttribute('ssr')) continue;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`${island.getAttribute('component-url')} did not hydrate`));
      }, timeoutMs);
      const observer = new MutationObserver(() => {
        if (island.hasAttribute('ssr')) return;
        clearTimeout(timer);
        observer.disconnect();
        resolve();
      });
      observer.observe(island, { attributes: true, attributeFilter: ['ssr'] });
      if (!island.hasAttribute('ssr')) {
        clearTimeout(timer);
        observer.disconnect();
        resolve();
      }
    });
  }
  window.scrollTo(0, document.documentElement.scrollHeight);
  // Scroll events, and what they set off, are dispatched with the next frames.
  for (let frame = 0; frame < 2; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
  const left = document.querySelectorAll('astro-island[ssr]').length;
  if (left > 0) throw new Error(`${left} islands still hold their server-rendered state`);
  return islands.length;
}

/** Every score control on the page: its accessible name (aria-label or wrapping label) and value. */
export function scoreControls(): [string, string][] {
  return [...document.querySelectorAll<HTMLSelectElement>('select.level-select')].map((select) => [
    select.getAttribute('aria-label') ?? select.closest('label')?.querySelector('span')?.textContent ?? '?',
    select.value,
  ]);
}

/** The score control with this accessible name, for the driver to operate as a reader would. */
export function scoreControl(name: string): HTMLSelectElement {
  const found = [...document.querySelectorAll<HTMLSelectElement>('select.level-select')].find(
    (select) =>
      (select.getAttribute('aria-label') ?? select.closest('label')?.querySelector('span')?.textContent) ===
      name,
  );
  if (!found) throw new Error(`no score control named "${name}"`);
  found.scrollIntoView({ block: 'center' });
  return found;
}

/** The saved scorecard as the site stores it, or null when nothing is saved. */
export function savedCard(): unknown {
  const raw = localStorage.getItem('labs-alignment.scorecard');
  return raw === null ? null : JSON.parse(raw);
}

/** Resolves once `level` is saved for the cell (the store writes storage after the change). */
export async function untilSaved(
  lab: string,
  analogy: string,
  level: number,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const raw = localStorage.getItem('labs-alignment.scorecard');
    const card = raw === null ? null : JSON.parse(raw);
    if (card?.card?.cells?.[lab]?.[analogy]?.level === level) return;
    if (Date.now() > deadline) throw new Error(`${lab}/${analogy} was not saved as ${level}: ${raw}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves once the shared scorecard a share link opens is on screen. */
export async function untilSharedCard(timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (document.getElementById('shared-title') === null) {
    if (Date.now() > deadline) throw new Error('the shared scorecard did not open');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * What the shared scorecard shows: the level in one lab's row under one analogy (by column
 * position), and whether the panel holds anything a reader could edit.
 */
export function sharedCard(
  labName: string,
  analogyIndex: number,
): { level: string | null; editable: number } {
  const panel = document.getElementById('shared-title')!.closest('section')!;
  const row = [...panel.querySelectorAll('tbody tr')].find(
    (tr) => tr.querySelector('th')?.textContent === labName,
  );
  return {
    level: row?.querySelectorAll('td')[analogyIndex]?.textContent ?? null,
    editable: panel.querySelectorAll('select, textarea, input:not([type="hidden"]), [contenteditable="true"]')
      .length,
  };
}

/**
 * Starts recording script errors and CSP violations from now on, for an engine whose driver
 * reports neither (WebKit over classic WebDriver). A listener added after load cannot hear what
 * happened while the page's own scripts first ran: see webkit.test.ts for how that is covered.
 */
export function recordProblems(): void {
  const w = window as unknown as { enginesProblems?: string[] };
  if (w.enginesProblems) return;
  const problems: string[] = [];
  w.enginesProblems = problems;
  addEventListener('error', (e) => problems.push(`error: ${e.message} (${e.filename}:${e.lineno})`));
  addEventListener('unhandledrejection', (e) => problems.push(`unhandled rejection: ${String(e.reason)}`));
  addEventListener('securitypolicyviolation', (e) =>
    problems.push(`CSP: ${e.effectiveDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`),
  );
}

/** What recordProblems has heard so far. */
export function recordedProblems(): string[] {
  return (
    (window as unknown as { enginesProblems?: string[] }).enginesProblems ?? ['recordProblems() never ran']
  );
}

/**
 * Makes one CSP violation the test can recognise (an image from a unique address the policy
 * blocks), so the test knows the engine's reports for this page have all been sent once
 * this one has arrived.
 */
export function violateOnPurpose(marker: string): void {
  new Image().src = `http://${marker}.invalid/`;
}

/**
 * Readies the essay's table of contents for measuring where its list numbers are painted, and
 * says where they may be painted: right of the left edge of the box that clips them (the nav
 * scrolls, so it clips; so may an ancestor; the viewport always does). An outside list marker
 * has no box a script can measure, and engines place it differently (WebKit leaves a wider
 * gap than Chromium), so the test finds the numbers in a screenshot instead: the entries'
 * text is made transparent and nothing clips any more, so the only ink left of the entries
 * is the numbers, painted whole.
 */
export async function readyTocMarkers(): Promise<{
  clipLeft: number;
  top: number;
  bottom: number;
  right: number;
  scale: number;
}> {
  const nav = document.querySelector<HTMLElement>('nav.toc');
  const list = nav?.querySelector('ol');
  if (!nav || !list) throw new Error('no nav.toc with a list on the page');
  let clipLeft = 0;
  const clipping: HTMLElement[] = [];
  for (let el: HTMLElement | null = nav; el; el = el.parentElement) {
    if (getComputedStyle(el).overflowX === 'visible') continue;
    clipLeft = Math.max(clipLeft, el.getBoundingClientRect().left + el.clientLeft);
    clipping.push(el);
  }
  const items = [...list.querySelectorAll<HTMLLIElement>(':scope > li')];
  const listBox = list.getBoundingClientRect();
  const right = Math.min(...items.map((li) => li.getBoundingClientRect().left));
  for (const el of clipping) el.style.overflow = 'visible';
  for (const a of list.querySelectorAll<HTMLElement>('a')) a.style.color = 'transparent';
  // A screenshot shows the last frame painted: let the change reach the screen first.
  for (let frame = 0; frame < 2; frame += 1) await new Promise((resolve) => requestAnimationFrame(resolve));
  return { clipLeft, top: listBox.top, bottom: listBox.bottom, right, scale: devicePixelRatio };
}

/**
 * The left edge, in CSS pixels, of the leftmost ink in a strip of a screenshot (a PNG, base64):
 * any pixel unlike the strip's commonest colour, its background. Null where the strip is blank.
 */
export async function leftmostInk(
  png: string,
  strip: { top: number; bottom: number; right: number; scale: number },
): Promise<number | null> {
  const image = new Image();
  image.src = `data:image/png;base64,${png}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0);
  const top = Math.max(0, Math.floor(strip.top * strip.scale));
  const height = Math.min(canvas.height, Math.ceil(strip.bottom * strip.scale)) - top;
  const width = Math.min(canvas.width, Math.floor(strip.right * strip.scale));
  // The entries' text is transparent now: ink where it stood means the screenshot is older.
  const entries = context.getImageData(width + 2, top, Math.ceil(40 * strip.scale), height).data;
  for (let i = 4; i < entries.length; i += 4) {
    if (entries[i] !== entries[0] || entries[i + 1] !== entries[1] || entries[i + 2] !== entries[2]) {
      throw new Error('the screenshot predates the transparent entries');
    }
  }
  const { data } = context.getImageData(0, top, width, height);
  const counts = new Map<number, number>();
  for (let i = 0; i < data.length; i += 4) {
    const rgb = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
    counts.set(rgb, (counts.get(rgb) ?? 0) + 1);
  }
  const background = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  const [br, bg, bb] = [(background >> 16) & 255, (background >> 8) & 255, background & 255];
  for (let x = 0; x < width; x += 1) {
    for (let y = 0; y < height; y += 1) {
      const i = (y * width + x) * 4;
      if (Math.abs(data[i]! - br) + Math.abs(data[i + 1]! - bg) + Math.abs(data[i + 2]! - bb) > 48) {
        return x / strip.scale;
      }
    }
  }
  return null;
}

/** Whether each entry of the table of contents is rendered where a reader could see and read it. */
export function tocEntriesShown(): { item: string; shown: boolean }[] {
  return [...document.querySelectorAll<HTMLAnchorElement>('nav.toc li a')].map((a) => {
    const box = a.getBoundingClientRect();
    return {
      item: a.textContent ?? '',
      shown:
        a.checkVisibility({ visibilityProperty: true, opacityProperty: true }) &&
        box.width > 0 &&
        box.height > 0,
    };
  });
}

/** Resolves once the viewport is at least this wide (a window resize reaches the page later). */
export async function untilViewportAtLeast(width: number, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (innerWidth < width) {
    if (Date.now() > deadline) throw new Error(`the viewport stayed ${innerWidth} px wide, not ${width}`);
    await new Promise((resolve) => addEventListener('resize', resolve, { once: true }));
  }
  return innerWidth;
}

/** Opens the essay's contents directly, for a test about how they look rather than how they open. */
export function openTocDetails(): void {
  document.querySelector<HTMLDetailsElement>('nav.toc details')!.open = true;
}
