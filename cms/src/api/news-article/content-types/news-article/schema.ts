export default {
  kind: 'collectionType',
  collectionName: 'news_articles',
  info: {
    singularName: 'news-article',
    pluralName: 'news-articles',
    displayName: 'Tin tức',
    description: 'Tin tức, thông báo của sàn và các sở, ngành',
  },
  options: { draftAndPublish: true },
  pluginOptions: {
    // Editorial review (plugins/workflow): an officer writes, the heads approve; published only then.
    workflow: {
      workflow: 'editorial_review',
      title: 'title',
      routing: [
        { by: 'path', path: 'department' },
        { by: 'fixed', department: 'SCT' },
      ],
      label: 'Tin bài mới',
    },
  },
  attributes: {
    title: { type: 'string', required: true, maxLength: 255 },
    slug: { type: 'uid', targetField: 'title' },
    summary: { type: 'text', maxLength: 500 },
    body: { type: 'richtext', required: true },
    cover: { type: 'media', multiple: false, allowedTypes: ['images'] },
    publishedOn: { type: 'date' },
    department: { type: 'relation', relation: 'manyToOne', target: 'plugin::core.department' },
  },
};
