/**
 * Per-state files beside each chart page, all from the same render as the page:
 *   data.csv      exactly the chart's table (tableRows); kept at this address, which is published
 *   <name>.csv    the same table with the ONS codes of its places, named for what it holds
 *                 (src/share/file-names.ts, e.g. big-local-very-good-health-2011-2021.csv)
 *   *.csv-metadata.json  CSVW metadata beside each CSV: source, licence, columns and units
 *   data.json     metadata: title, summary, source, licence, permalink, columns
 *   chart.svg     self-contained SVG (title, chart, source, permalink, Inter inlined)
 *   og.png        1200×630 share card
 *   oembed.json   oEmbed 1.0 "rich"
 *   render-data.json  the chart's data, for charts the browser redraws (highlight, measure lists)
 * A highlighted state (…/highlight/<value>/) has only data.json, chart.svg, og.png and oembed.json.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { chartCsvMetadata, chartCsvTable, csvFileName, csvText } from '../../../share/chart-csv.ts';
import { SHARE_CARD_SIZE } from '../../../data/constants.ts';
import { LICENCE } from '../../../share/csvw.ts';
import { downloadSvg, ogPng } from '../../../share/compose.ts';
import { embedHeight, MIN_EMBED_WIDTH, snippets, urlsFor } from '../../../share/snippets.ts';
import { clientData, needsClientRender, prerenderedStates, renderState, specs } from '../../../state/chart-states.ts';
import type { ChartStateEntry } from '../../../state/url.ts';

/**
 * No chart.png: rendering ~900 PNGs twice kept the build over 5 minutes, so the page rasterises
 * chart.svg at 2× in the browser when the reader asks for a PNG (src/client/share.ts).
 */
const FILES = ['data.csv', 'data.json', 'chart.svg', 'og.png', 'oembed.json'] as const;
/** The fixed names, render-data.json, and the state's descriptive CSV and the CSVs' metadata files. */
type File = string;


export const getStaticPaths = (() =>
  prerenderedStates().flatMap((entry) => {
    const named = csvFileName(entry);
    // A highlighted state differs from its unhighlighted one only in the drawing: it gets its own
    // card, SVG, metadata and oEmbed, and shares that state's CSVs and render data (dataPath).
    const highlighted = entry.state.highlight !== undefined;
    const files: File[] = highlighted
      ? ['data.json', 'chart.svg', 'og.png', 'oembed.json']
      : [...FILES, named, 'data.csv-metadata.json', `${named}-metadata.json`];
    if (!highlighted && needsClientRender(specs[entry.id]!)) files.push('render-data.json');
    return files.map((file) => ({ params: { state: entry.segments.join('/'), file }, props: { entry, file } }));
  })) satisfies GetStaticPaths;

const site = import.meta.env.SITE;

export const GET: APIRoute<{ entry: ChartStateEntry; file: File }> = async ({ props }) => {
  const { entry, file } = props;
  if (file === 'render-data.json') {
    return new Response(JSON.stringify(clientData(entry)), { headers: { 'Content-Type': 'application/json' } });
  }
  const r = renderState(entry);
  const u = urlsFor(r, site);
  if (file.endsWith('.csv')) {
    return new Response(csvText(chartCsvTable(r, file)), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  }
  if (file.endsWith('.csv-metadata.json')) {
    return new Response(JSON.stringify(chartCsvMetadata(r, file.slice(0, -'-metadata.json'.length)), null, 2), {
      headers: { 'Content-Type': 'application/csvm+json' },
    });
  }
  switch (file) {
    case 'data.json':
      return Response.json({
        title: r.title,
        summary: r.summary,
        source: r.source,
        licence: LICENCE,
        permalink: u.page,
        csv: u.csv,
        csv_with_codes: new URL(csvFileName(r), u.data).href,
        csv_metadata: new URL(`${csvFileName(r)}-metadata.json`, u.data).href,
        columns: r.table.columns,
        rows: r.table.rows.length,
      });
    case 'chart.svg':
      return new Response(downloadSvg(r, u.page), { headers: { 'Content-Type': 'image/svg+xml' } });
    case 'og.png':
      return new Response(new Uint8Array(await ogPng(r)), { headers: { 'Content-Type': 'image/png' } });
    case 'oembed.json':
      return Response.json({
        type: 'rich',
        version: '1.0',
        title: r.title,
        provider_name: 'Big Local health',
        provider_url: new URL('/', site).href,
        html: snippets(r, site).iframe,
        // One static file answers every consumer (a static host cannot read maxwidth/maxheight): its
        // html is width="100%" and fits every width from MIN_EMBED_WIDTH with this one height, so
        // the width it needs is MIN_EMBED_WIDTH, within any maxwidth a consumer can sensibly ask
        // for. A consumer that must honour a smaller maxheight may set the iframe's height to it:
        // the embed page scales the chart into whatever height it gets (README, "Embeds").
        width: MIN_EMBED_WIDTH,
        height: embedHeight(r),
        thumbnail_url: u.og,
        thumbnail_width: SHARE_CARD_SIZE.width,
        thumbnail_height: SHARE_CARD_SIZE.height,
        cache_age: 86400,
      });
    default:
      throw new Error(`no such chart file: ${file}`);
  }
};
