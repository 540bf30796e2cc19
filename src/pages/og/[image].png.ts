import type { APIRoute, GetStaticPaths } from 'astro';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import satori from 'satori';
import { Resvg } from '@resvg/resvg-js';
import { getOgImageSpecs, type OgImageFigure, type OgImageSpec } from '../../data/og-images';
import { SITE_NAME } from '../../data/paths';

export const getStaticPaths = (async () =>
  (await getOgImageSpecs()).map((spec) => ({
    params: { image: spec.name },
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

/** The light theme's heatmap colours (global.css --h0 to --h4), with a text colour that reads on each. */
const LEVEL_COLOURS = [
  ['#f1efe9', '#1d1d1f'],
  ['#f6dcc7', '#1d1d1f'],
  ['#eeb48c', '#1d1d1f'],
  ['#d9774a', '#ffffff'],
  ['#a8431c', '#ffffff'],
] as const;

const levelBox = (level: number, size: { width: number; height: number; fontSize: number }) => {
  const [background, color] = LEVEL_COLOURS[level] ?? LEVEL_COLOURS[0];
  return h(
    'div',
    {
      ...size,
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
      background,
      color,
      fontWeight: 700,
      borderRadius: 8,
      border: '1px solid #d6d3cc',
    },
    String(level),
  );
};

function drawFigure(figure: OgImageFigure) {
  if (figure.kind === 'strip') {
    const width = Math.floor((1040 - (figure.cells.length - 1) * 16) / figure.cells.length);
    return h(
      'div',
      { display: 'flex', gap: 16, width: 1040 },
      figure.cells.map((cell) =>
        h('div', { display: 'flex', flexDirection: 'column', gap: 10, width }, [
          levelBox(cell.level, { width, height: 96, fontSize: 52 }),
          h(
            'div',
            {
              fontSize: 24,
              lineHeight: 1.2,
              color: '#45474c',
              textAlign: 'center',
              justifyContent: 'center',
              display: 'flex',
            },
            cell.label,
          ),
        ]),
      ),
    );
  }
  const labelWidth = 220;
  const gap = 6;
  const cellWidth = Math.floor((1040 - labelWidth - figure.columns.length * gap) / figure.columns.length);
  const cellHeight = Math.min(40, Math.floor((300 - 56) / figure.rows.length) - gap);
  return h('div', { display: 'flex', flexDirection: 'column', gap, width: 1040 }, [
    h('div', { display: 'flex', gap, height: 50, alignItems: 'flex-end' }, [
      h('div', { width: labelWidth }, ''),
      ...figure.columns.map((column) =>
        h(
          'div',
          {
            width: cellWidth,
            fontSize: 17,
            lineHeight: 1.15,
            color: '#45474c',
            display: 'flex',
            justifyContent: 'center',
            textAlign: 'center',
          },
          column,
        ),
      ),
    ]),
    ...figure.rows.map((row) =>
      h('div', { display: 'flex', gap, alignItems: 'center' }, [
        h('div', { width: labelWidth, fontSize: 24, fontWeight: 700 }, row.label),
        ...row.levels.map((level) => levelBox(level, { width: cellWidth, height: cellHeight, fontSize: 24 })),
      ]),
    ),
  ]);
}

function layout(spec: OgImageSpec) {
  const titleSize = spec.figure
    ? spec.figure.kind === 'heatmap'
      ? 44
      : 72
    : spec.title.length > 40
      ? 64
      : 84;
  return h(
    'div',
    {
      // Satori sizes boxes without their padding and border, so the content box is given here.
      width: 1200 - 2 * 80,
      height: 630 - 18 - 56 - 44,
      boxSizing: 'content-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '56px 80px 44px',
      background: '#fdfcfa',
      color: '#1d1d1f',
      fontFamily: 'Inter',
      borderTop: '18px solid #8a2d0f',
    },
    [
      h(
        'div',
        { fontSize: 28, color: '#8a2d0f', fontWeight: 700, textTransform: 'uppercase', letterSpacing: 2 },
        spec.kicker,
      ),
      h('div', { display: 'flex', flexDirection: 'column', gap: spec.figure ? 24 : 28, width: 1040 }, [
        h('div', { fontSize: titleSize, fontWeight: 700, lineHeight: 1.1 }, spec.title),
        spec.figure
          ? drawFigure(spec.figure)
          : h('div', { fontSize: 34, lineHeight: 1.35, color: '#45474c' }, spec.thesis),
      ]),
      h(
        'div',
        { fontSize: 26, color: '#585a5f', fontWeight: 700 },
        spec.figure ? `${SITE_NAME} · the site's reading, 0 to 4` : SITE_NAME,
      ),
    ],
  );
}

export const GET: APIRoute = async ({ props }) => {
  const svg = await satori(layout((props as { spec: OgImageSpec }).spec) as Parameters<typeof satori>[0], {
    width: 1200,
    height: 630,
    fonts: await loadFonts(),
  });
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: 1200 } }).render().asPng();
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
