const REVIEW = [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: ['plugin::workflow.review'] } },
];
const SETTINGS = [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: ['plugin::workflow.settings'] } },
];

const adminRoute = (method: string, path: string, handler: string, policies = REVIEW) => ({
  method,
  path,
  handler: `admin.${handler}`,
  config: { policies },
});

/** Actions a signed-in site user has on their own submissions (granted to the Authenticated role). */
export const USER_ACTIONS = ['plugin::workflow.submissions.submit', 'plugin::workflow.submissions.status'];

export default {
  admin: {
    type: 'admin',
    routes: [
      adminRoute('GET', '/me', 'me'),
      adminRoute('GET', '/tasks', 'inbox'),
      adminRoute('POST', '/tasks/bulk', 'bulk'),
      adminRoute('GET', '/tasks/:id', 'task'),
      adminRoute('POST', '/tasks/:id/claim', 'claim'),
      adminRoute('POST', '/tasks/:id/assign', 'assign'),
      adminRoute('POST', '/tasks/:id/actions', 'act'),
      adminRoute('GET', '/items/:uid/:documentId', 'item'),
      adminRoute('POST', '/items/:uid/:documentId/submit', 'submitItem'),
      adminRoute('GET', '/stats/overdue', 'overdue'),
      adminRoute('GET', '/templates', 'templates'),
      adminRoute('POST', '/locks', 'lock'),
      adminRoute('POST', '/unlocks', 'unlock'),
      adminRoute('GET', '/definitions', 'definitionsList'),
      adminRoute('POST', '/definitions/preview', 'definitionsPreview'),
      adminRoute('PUT', '/definitions/:code', 'definitionsSave', SETTINGS),
    ],
  },
  'content-api': {
    type: 'content-api',
    routes: [
      { method: 'POST', path: '/submissions', handler: 'submissions.submit', config: { policies: [] } },
      {
        method: 'GET',
        path: '/submissions/:type/:documentId',
        handler: 'submissions.status',
        config: { policies: [] },
      },
    ],
  },
};
