import { defineConfig } from 'vitest/config';

// Three projects: `unit` runs before the build (domain and schemas),
// `build` inspects the built site in dist/ after `astro build`, and `engines` opens the
// built site in Firefox and WebKit (the Playwright tests cover Chromium).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Property tests run hundreds of cases and one test spawns npm: seconds on a machine
          // shared with other work, where vitest's 5 s default has failed tests that were right.
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          environment: 'node',
          // Some tests build the site again (under a base path, or from broken content): minutes
          // on a machine shared with other work. The limits only stop a build that hangs.
          testTimeout: 900_000,
          hookTimeout: 900_000,
        },
      },
      {
        test: {
          name: 'engines',
          include: ['tests/engines/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/engines/setup.ts'],
          // One file per engine; the two run side by side, each driving one browser.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
