import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';
import { contentManagerConfiguration } from './admin-views';

interface RecentDocument {
  contentTypeUid: string;
  title?: unknown;
}

interface HomepageService {
  getRecentlyUpdatedDocuments(): Promise<RecentDocument[]>;
  getRecentlyPublishedDocuments(): Promise<RecentDocument[]>;
}

type Attribute = { pluginOptions?: Record<string, { labels?: Record<string, string> } | undefined> };

const wrapped = new WeakSet<Core.Strapi>();

/**
 * The admin's home page lists the last documents edited and published by their main field as stored:
 * an entry of the audit log, whose main field is its action, read "admin.login", "user.create". A
 * main field whose codes have Vietnamese names (`withLabels`) is shown by its name instead
 * ("Đăng nhập"), as in the content manager's list.
 */
export function nameRecentDocuments(strapi: Core.Strapi): void {
  if (wrapped.has(strapi)) return;
  wrapped.add(strapi);
  const homepage = strapi.plugin('content-manager').service('homepage') as unknown as HomepageService;
  // A page of the home page lists a few documents: each reads its type's configuration.
  const named = async (document: RecentDocument): Promise<RecentDocument> => {
    if (typeof document.title !== 'string') return document;
    const uid = document.contentTypeUid;
    const { settings } = await contentManagerConfiguration(strapi, uid);
    const type = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as
      { attributes: Record<string, Attribute> } | undefined;
    const field = settings?.mainField;
    const title = field
      ? type?.attributes[field]?.pluginOptions?.[PLUGIN_ID]?.labels?.[document.title]
      : undefined;
    return title ? { ...document, title } : document;
  };
  const name = (documents: RecentDocument[]) => Promise.all(documents.map(named));
  const updated = homepage.getRecentlyUpdatedDocuments.bind(homepage);
  const published = homepage.getRecentlyPublishedDocuments.bind(homepage);
  homepage.getRecentlyUpdatedDocuments = async () => name(await updated());
  homepage.getRecentlyPublishedDocuments = async () => name(await published());
}
