import type { APIRoute, GetStaticPaths } from 'astro';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { getCardSpecs, type CardSpec } from '../../data/cards';

export const getStaticPaths = (async () =>
  (await getCardSpecs()).map((spec) => ({
    params: { card: spec.name },
    props: { spec },
  }))) satisfies GetStaticPaths;

// The font ships in node_modules: the build fetches nothing.
const require = createRequire(import.meta.url);
const fontFile = (weight: 400 | 700) =>
  require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`);
let fonts: Promise<{ name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[]> | undefined;
const loadFonts = () =>
  (fonts ??= Promise.all(
    ([400, 700] as const).map(async (weight) => ({
      name: 'Inter',
      data: await readFile(fontFile(weight)),
      weight,
      style: 'normal' as const,
    })),
  ));

const h = (type: string, style: Record<string, unknown>, children: unknown) => ({
  type,
  props: { style, children },
});

function layout(spec: CardSpec) {
  return h(
    'div',
    {
      // Satori sizes boxes without their padding and border, so the content box is given here.
      width: 1200 - 2 * 80,
      height: 630 - 18 - 64 - 56,
      boxSizing: 'content-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '64px 80px 56px',
      background: '#fdfcfa',
      color: '#1d1d1f',
      fontFamily: 'Inter',
      borderTop: '18px solid #8a2d0f',
    },
    [
      h(
        'div',
        { fontSize: 30, color: '#8a2d0f', fontWeight: 700, textTransform: 'uppercase', letterSpacing: 2 },
        spec.kicker,
      ),
      h('div', { display: 'flex', flexDirection: 'column', gap: 28, width: 1040 }, [
        h(
          'div',
          { fontSize: spec.title.length > 40 ? 64 : 84, fontWeight: 700, lineHeight: 1.1 },
          spec.title,
        ),
        h('div', { fontSize: 34, lineHeight: 1.35, color: '#45474c' }, spec.thesis),
      ]),
      h('div', { fontSize: 28, color: '#585a5f', fontWeight: 700 }, "The Labs' Alignment Problem"),
    ],
  );
}

export const GET: APIRoute = async ({ props }) => {
  const svg = await satori(layout((props as { spec: CardSpec }).spec) as Parameters<typeof satori>[0], {
    width: 1200,
    height: 630,
    fonts: await loadFonts(),
  });
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: 1200 } }).render().asPng();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
