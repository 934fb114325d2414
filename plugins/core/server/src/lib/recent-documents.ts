import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../constants';

interface RecentDocument {
  contentTypeUid: string;
  title?: unknown;
}

interface HomepageService {
  getRecentlyUpdatedDocuments(): Promise<RecentDocument[]>;
  getRecentlyPublishedDocuments(): Promise<RecentDocument[]>;
}

interface ContentManagerTypes {
  findConfiguration(ct: { uid: string }): Promise<{ settings?: { mainField?: string } }>;
}

type Attribute = { pluginOptions?: Record<string, { labels?: Record<string, string> } | undefined> };

const named = new WeakSet<Core.Strapi>();

/**
 * The admin's home page lists the last documents edited and published by their main field as stored:
 * an entry of the audit log, whose main field is its action, read "admin.login", "user.create". A
 * main field whose codes have Vietnamese names (`withLabels`) is shown by its name instead
 * ("Đăng nhập"), as in the content manager's list.
 */
export function nameRecentDocuments(strapi: Core.Strapi): void {
  if (named.has(strapi)) return;
  named.add(strapi);
  const homepage = strapi.plugin('content-manager').service('homepage') as unknown as HomepageService;
  const contentManager = () =>
    strapi.plugin('content-manager').service('content-types') as unknown as ContentManagerTypes;
  const name = async (documents: RecentDocument[]) => {
    const labelsOf = new Map<string, Promise<Record<string, string> | undefined>>();
    const labels = (uid: string) => {
      if (!labelsOf.has(uid)) {
        labelsOf.set(
          uid,
          contentManager()
            .findConfiguration({ uid })
            .then(({ settings }) => {
              const type = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as
                { attributes: Record<string, Attribute> } | undefined;
              const field = settings?.mainField;
              return field ? type?.attributes[field]?.pluginOptions?.[PLUGIN_ID]?.labels : undefined;
            }),
        );
      }
      return labelsOf.get(uid) as Promise<Record<string, string> | undefined>;
    };
    return Promise.all(
      documents.map(async (document) => {
        const names = await labels(document.contentTypeUid);
        const title = typeof document.title === 'string' ? names?.[document.title] : undefined;
        return title ? { ...document, title } : document;
      }),
    );
  };
  const updated = homepage.getRecentlyUpdatedDocuments.bind(homepage);
  const published = homepage.getRecentlyPublishedDocuments.bind(homepage);
  homepage.getRecentlyUpdatedDocuments = async () => name(await updated());
  homepage.getRecentlyPublishedDocuments = async () => name(await published());
}
