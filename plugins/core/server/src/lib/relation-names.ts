import type { Core } from '@strapi/strapi';
import { contentManagerConfiguration } from './admin-views';

interface RelationsCtx {
  params: { model?: string; id?: string; targetField?: string };
  body: unknown;
}

interface RelationsController {
  findExisting(this: RelationsController, ctx: RelationsCtx): Promise<void>;
}

type Row = Record<string, unknown> & { id: number };
type Model = { uid: string; attributes: Record<string, { target?: string; private?: boolean }> };

/**
 * The content manager shows the items a document links to by their main field only when the officer
 * may read them; a product of one department linking to a seller of another showed the seller's
 * document id. Once the content manager has checked that the officer may read the document and that
 * field, the linked items' main field (a name, a number, never a private field) is added to its answer.
 * Wraps `relations.findExisting` in `register`, before Strapi binds the route to it.
 */
export function nameLinkedItems(strapi: Core.Strapi): void {
  const controller = strapi.controller('plugin::content-manager.relations') as unknown as RelationsController;
  const findExisting = controller.findExisting;
  controller.findExisting = async function (ctx: RelationsCtx) {
    await findExisting.call(this, ctx);
    const { model, targetField } = ctx.params;
    const body = ctx.body as { results?: Row[] } | undefined;
    if (!model || !targetField || !body?.results?.length) return;
    const modelOf = (uid: string) => strapi.getModel(uid as never) as unknown as Model | undefined;
    const attribute = modelOf(model)?.attributes[targetField];
    const target = attribute?.target ? modelOf(attribute.target) : undefined;
    const configuration = await contentManagerConfiguration(strapi, model);
    const mainField = configuration.metadatas?.[targetField]?.edit?.mainField;
    const mainAttribute = mainField ? target?.attributes[mainField] : undefined;
    if (!target || !mainField || !mainAttribute || mainAttribute.private) return;
    const missing = body.results.filter((row) => row[mainField] === undefined).map((row) => row.id);
    if (missing.length === 0) return;
    const named = (await strapi.db.query(target.uid as never).findMany({
      where: { id: { $in: missing } },
      select: ['id', mainField],
    })) as Row[];
    const byId = new Map(named.map((row) => [row.id, row[mainField]]));
    body.results = body.results.map((row) =>
      row[mainField] === undefined && byId.has(row.id) ? { ...row, [mainField]: byId.get(row.id) } : row,
    );
  };
}
