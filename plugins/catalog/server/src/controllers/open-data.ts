import { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EXCHANGE } from '@sgd/config';
import { csvStream } from '@sgd/plugin-core';
import {
  OPEN_DATA_DATASETS,
  OPEN_DATA_FORMATS,
  OPEN_DATA_LICENCE,
  type OpenDataDescription,
  type OpenDataFormat,
} from '../constants';
import { catalogService } from '../services';
import type { OpenDataRow } from '../services/open-data';

export interface OpenDataCtx {
  params: { file?: string };
  body: unknown;
  set(name: string, value: string): void;
}

const PUBLISHER = EXCHANGE.name;
const NOT_FOUND =
  'Không có tệp dữ liệu mở này. Các tệp có: ' +
  OPEN_DATA_DATASETS.flatMap((d) => OPEN_DATA_FORMATS.map((f) => `${d.file}.${f}`)).join(', ') +
  '.';

function describe(dataset: OpenDataDescription) {
  return {
    ...dataset,
    downloads: OPEN_DATA_FORMATS.map((format) => ({ format, file: `${dataset.file}.${format}` })),
  };
}

async function* rowValues(dataset: OpenDataDescription, rows: AsyncGenerator<OpenDataRow>) {
  for await (const row of rows) yield dataset.fields.map((field) => row[field.name] ?? null);
}

const csv = (dataset: OpenDataDescription, rows: AsyncGenerator<OpenDataRow>) =>
  csvStream(
    dataset.fields.map((field) => field.name),
    rowValues(dataset, rows),
  );

async function* json(dataset: OpenDataDescription, rows: AsyncGenerator<OpenDataRow>, now: Date) {
  const meta = {
    title: dataset.title,
    description: dataset.description,
    publisher: PUBLISHER,
    license: OPEN_DATA_LICENCE,
    generatedAt: now.toISOString(),
    fields: dataset.fields,
  };
  yield `{"meta":${JSON.stringify(meta)},"data":[`;
  let first = true;
  for await (const row of rows) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(row)}`;
    first = false;
  }
  yield '\n]}\n';
}

/** `GET /api/statistics`, `GET /api/open-data` (the catalogue) and `GET /api/open-data/:file`. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  return {
    async statistics(ctx: OpenDataCtx) {
      ctx.body = { data: await catalogService(strapi, 'statistics').compute() };
    },

    async catalogue(ctx: OpenDataCtx) {
      ctx.body = {
        data: OPEN_DATA_DATASETS.map(describe),
        meta: { publisher: PUBLISHER, license: OPEN_DATA_LICENCE },
      };
    },

    async download(ctx: OpenDataCtx) {
      const match = /^([a-z-]+)\.([a-z]+)$/.exec(ctx.params.file ?? '');
      const dataset = OPEN_DATA_DATASETS.find((d) => d.file === match?.[1]);
      const format = OPEN_DATA_FORMATS.find((f) => f === match?.[2]) as OpenDataFormat | undefined;
      if (!match || !dataset || !format) throw new errors.NotFoundError(NOT_FOUND);
      const now = new Date();
      const rows = catalogService(strapi, 'open-data').rows(dataset.id, now);
      ctx.set(
        'Content-Type',
        format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/json; charset=utf-8',
      );
      ctx.set('Content-Disposition', `attachment; filename="${dataset.file}.${format}"`);
      // The reuse licence travels with the file (RFC 8288 link relation "license").
      ctx.set('Link', `<${OPEN_DATA_LICENCE.url}>; rel="license"; title="${OPEN_DATA_LICENCE.id}"`);
      ctx.set('Cache-Control', 'public, max-age=600');
      ctx.body = Readable.from(format === 'csv' ? csv(dataset, rows) : json(dataset, rows, now));
    },
  };
};
