/**
 * WebKitGTK (Safari's engine) over classic WebDriver, with the `webdriver` package
 * (WebdriverIO's protocol binding) talking to Debian's WebKitWebDriver and MiniBrowser.
 * MiniBrowser has no headless mode: run under `xvfb-run -a` (npm run test:engines does).
 *
 * What this engine can and cannot tell us. WebKitWebDriver speaks no BiDi, so there are no
 * console or error events, and no script can be added before the page's own. So:
 * - CSP violations: the test server repeats each page's own <meta> policy as a report-only
 *   header (scripts/serve.ts, cspReports), and WebKit reports every violation to it, from
 *   the first byte of the page on. The test makes one violation of its own last and waits for
 *   its report, so it knows every earlier report has been sent.
 * - Script errors: a listener added once the page has loaded hears every error and unhandled
 *   rejection from then on: all hydration of `client:visible` islands (they hydrate as the
 *   test scrolls them into view) and everything the test does. It cannot hear an error thrown
 *   while the page's scripts first ran, before load. Those are caught only where they stop an
 *   island hydrating, which the test requires of every island; a page script that is not an
 *   island (the essay's contents highlighter, copy-link buttons) could throw early unseen.
 *   Firefox sees those; what is left unseen is an early error only WebKit throws.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import WebDriver, { type Client } from 'webdriver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as inPage from './in-page';
import {
  builtPages,
  controlName,
  expectControlsShowSaved,
  rubric,
  scoresToSet,
  shareLinkHolding,
} from './site';

const driverPath = process.env['WEBKIT_DRIVER_PATH'] ?? '/usr/bin/WebKitWebDriver';
const miniBrowserPath =
  process.env['MINIBROWSER_PATH'] ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const siteURL = inject('siteURL');
// The longest one event (a hydration, a save) may take before the test fails: on a machine shared with
// other work that keeps both cores busy, hydration has been seen to take over 7 s (issue 14).
const WAIT = 60_000;
/** The essay's contents become a sticky side column from 64rem (1024 px) up. */
const WIDE = [1024, 1280];

/** A port no one listens on now, for WebKitWebDriver (which takes its port as an argument). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

let driver: ChildProcess;
let driverPort: number;
let client: Client;

async function newSession(): Promise<Client> {
  const session = await WebDriver.newSession({
    hostname: '127.0.0.1',
    port: driverPort,
    logLevel: 'warn',
    connectionRetryCount: 0,
    capabilities: {
      browserName: 'MiniBrowser',
      // WebdriverIO asks for BiDi unless told not to; WebKitWebDriver refuses such a session.
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: miniBrowserPath, args: ['--automation'] },
    } as WebdriverIO.Capabilities,
  });
  await session.setTimeouts(undefined, 30_000, 30_000);
  return session;
}

beforeAll(async () => {
  if (!process.env['DISPLAY']) throw new Error('MiniBrowser needs a display: run under `xvfb-run -a`');
  driverPort = await freePort();
  driver = spawn(driverPath, [`--port=${driverPort}`], { stdio: 'ignore' });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${driverPort}/status`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`${driverPath} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  client = await newSession();
}, 120_000);

afterAll(async () => {
  await client?.deleteSession().catch(() => undefined);
  driver?.kill();
});

/** What WebDriver can pass into a page: JSON, and element references. */
type ScriptArgument = string | number | boolean | object | null | undefined;

/** Runs one of the in-page functions in the page, awaiting it if it returns a promise. */
async function run<A extends ScriptArgument[], R>(
  session: Client,
  fn: (...args: A) => R | Promise<R>,
  ...args: A
): Promise<R> {
  const outcome = (await session.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     const args = Array.prototype.slice.call(arguments, 0, -1);
     Promise.resolve()
       .then(() => (${fn.toString()}).apply(null, args))
       .then((value) => done({ value: value === undefined ? null : value }),
             (error) => done({ error: String((error && error.stack) || error) }));`,
    args,
  )) as { value: R } | { error: string };
  if ('error' in outcome) throw new Error(`in the page: ${outcome.error}`);
  return outcome.value;
}

let markers = 0;
/** How many CSP reports the server held when the page now open was opened. */
let reportsBefore = 0;

async function allReports(): Promise<Record<string, string>[]> {
  return (await (await fetch(`${siteURL}/__csp-reports`)).json()) as Record<string, string>[];
}

/**
 * The CSP violations WebKit reported for the page now open. A violation the test makes on
 * purpose goes last: once its report is in, so are those of the page's own violations, all
 * made earlier, while it loaded, hydrated and was used (WebKit sends each as it happens).
 */
async function cspReports(session: Client): Promise<string[]> {
  const marker = `engines-marker-${process.pid}-${(markers += 1)}`;
  const [documentURL, userAgent] = (await session.executeScript(
    'return [location.href, navigator.userAgent]',
    [],
  )) as [string, string];
  await run(session, inPage.violateOnPurpose, marker);
  const deadline = Date.now() + WAIT;
  for (;;) {
    const reports = (await allReports()).slice(reportsBefore);
    if (reports.some((r) => r['blocked-uri']?.includes(marker))) {
      return reports
        .filter(
          (r) => r['document-uri'] === documentURL.split('#')[0] && !r['blocked-uri']?.includes('.invalid'),
        )
        .filter((r) => r['userAgent'] === userAgent)
        .map((r) => `CSP report: ${r['effective-directive']} blocked ${r['blocked-uri']}`);
    }
    if (Date.now() > deadline) throw new Error('WebKit sent no CSP report for the deliberate violation');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Script errors and CSP violations heard in the page since recordProblems(), less the test's own. */
async function pageProblems(session: Client): Promise<string[]> {
  const reported = await cspReports(session);
  const heard = await run(session, inPage.recordedProblems);
  return [...heard.filter((p) => !p.includes('.invalid')), ...reported];
}

async function open(session: Client, path: string): Promise<void> {
  reportsBefore = (await allReports()).length;
  await session.navigateTo(path.startsWith('http') ? path : `${siteURL}${path}`);
  await run(session, inPage.recordProblems);
}

/**
 * Opens the essay and, unless its contents are already open, clicks "Contents" as a reader
 * would; returns whether the details element is then open, and which entries show.
 */
async function openEssayContents(): Promise<{ open: boolean; entries: { item: string; shown: boolean }[] }> {
  await open(client, '/essay/');
  const state = async () => ({
    open: (await client.executeScript(
      'return document.querySelector("nav.toc details").open',
      [],
    )) as boolean,
    entries: await run(client, inPage.tocEntriesShown),
  });
  const before = await state();
  if (before.open) return before;
  const summary = await client.findElement('css selector', 'nav.toc summary');
  await client.elementClick(summary['element-6066-11e4-a52e-4f735466cecf']!).catch((error: unknown) => {
    throw new Error(`a click on "Contents" did not reach it: ${String(error)}`);
  });
  return state();
}

describe('WebKit', () => {
  describe.each(builtPages())('%s', (path) => {
    it('loads with no script error and no CSP violation, and every island hydrates', async () => {
      await open(client, path);
      await run(client, inPage.hydrateEveryIsland, WAIT);
      expect(await pageProblems(client)).toEqual([]);
    });
  });

  describe.each(WIDE)('the essay’s contents at %i px', (width) => {
    beforeAll(async () => {
      await client.setWindowRect(null, null, width, 900);
      await run(client, inPage.untilViewportAtLeast, width, WAIT);
    });
    afterAll(async () => {
      await client.setWindowRect(null, null, 1024, 900);
    });

    it('shows every list number whole, inside the box that clips it', async () => {
      await open(client, '/essay/');
      await run(client, inPage.openTocDetails);
      const strip = await run(client, inPage.readyTocMarkers);
      const inkLeft = await run(client, inPage.leftmostInk, await client.takeScreenshot(), strip);
      expect(inkLeft, 'the list numbers are painted').not.toBeNull();
      expect(inkLeft!, 'where the numbers start, against the edge that clips them').toBeGreaterThanOrEqual(
        strip.clipLeft,
      );
    });

    it('can be opened and read: it is open, or opens on a click on "Contents"', async () => {
      const { open: isOpen, entries } = await openEssayContents();
      // This WebKit shows closed details' content through ::details-content; Safari before 18.4
      // (and Firefox before 143, Chrome before 131) cannot, and shows only an open element's.
      // So the element itself must be open, not merely look open here.
      expect(isOpen, 'the contents are open').toBe(true);
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.filter((e) => !e.shown).map((e) => e.item)).toEqual([]);
    });
  });

  it('a score set on /scorecard/ shows on the lab page after a reload, and a share link opens in a fresh session', async () => {
    await open(client, '/scorecard/');
    await run(client, inPage.hydrateEveryIsland, WAIT);
    for (const { lab, analogy, level } of scoresToSet) {
      // As a reader does it: the driver clicks the option, and WebKit fires input and change.
      const select = (await client.executeScript(`return (${inPage.scoreControl.toString()})(arguments[0])`, [
        controlName(lab, analogy),
      ])) as Record<string, string>;
      const selectId = Object.values(select)[0]!;
      const option = await client.findElementFromElement(
        selectId,
        'css selector',
        `option[value="${level}"]`,
      );
      await client.elementClick(option['element-6066-11e4-a52e-4f735466cecf']);
      await run(client, inPage.untilSaved, lab, analogy, level, WAIT);
    }
    const link = await shareLinkHolding(
      async () =>
        (await client.executeScript('return document.getElementById("share-link").value', [])) as string,
      scoresToSet,
      WAIT,
    );
    expect(new URL(link).hash).toMatch(/^#share=v2\./);
    expect(await pageProblems(client)).toEqual([]);

    await open(client, '/labs/meta/');
    await client.refresh();
    await run(client, inPage.recordProblems);
    await run(client, inPage.hydrateEveryIsland, WAIT);
    const saved = await run(client, inPage.savedCard);
    const shown = new Map(await run(client, inPage.scoreControls));
    expectControlsShowSaved(shown, saved);
    expect(await pageProblems(client)).toEqual([]);

    // A fresh session: a new MiniBrowser, with storage of its own, as a friend's browser.
    // WebKitWebDriver holds one session at a time, so the reader's ends first.
    await client.deleteSession();
    client = await newSession();
    const friend = client;
    {
      await open(friend, link);
      await run(friend, inPage.untilSharedCard, WAIT);
      await run(friend, inPage.hydrateEveryIsland, WAIT);
      const opacity = rubric.analogies.findIndex((a) => a.id === 'opacity');
      expect(await run(friend, inPage.sharedCard, 'Meta', opacity)).toEqual({ level: '3', editable: 0 });
      // Read-only: opening the link saved nothing, and the friend's own card is still empty.
      expect(await run(friend, inPage.savedCard)).toBeNull();
      const theirs = new Map(await run(friend, inPage.scoreControls));
      expect(theirs.get(controlName('meta', 'opacity'))).toBe('');
      expect(await pageProblems(friend)).toEqual([]);
    }
  });
});
