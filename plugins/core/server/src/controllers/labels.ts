import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import type { LabelledAttributeOptions } from '../lib/enumeration';

type Attribute = { type: string; pluginOptions?: Partial<LabelledAttributeOptions> };

/**
 * `GET /core/labels`: the Vietnamese names of every labelled attribute's codes, by content type and
 * field, for the admin's list filters (which, unlike the edit view and the list cells, do not see the
 * attribute). Names of codes only: nothing private.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: { body: unknown }) {
    const data: Record<string, Record<string, { type: string; labels: Record<string, string> }>> = {};
    for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
      const attributes = contentType.attributes as unknown as Record<string, Attribute>;
      for (const [field, attribute] of Object.entries(attributes)) {
        const labels = attribute.pluginOptions?.[PLUGIN_ID]?.labels;
        if (labels) data[uid] = { ...data[uid], [field]: { type: attribute.type, labels } };
      }
    }
    ctx.body = { data };
  },
});
