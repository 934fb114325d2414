import type { IdentifierRateGroup } from '@sgd/config';

/** A route anyone calls about an account, limited per account in the tiers of `IDENTIFIER_RATE_LIMITS`. */
const open = (method: string, path: string, handler: string, group: IdentifierRateGroup) => ({
  method,
  path,
  handler: `auth.${handler}`,
  config: {
    auth: false as const,
    policies: [],
    middlewares: [{ name: 'plugin::accounts.attempts', config: { group } }],
  },
});
const mine = (method: string, path: string, handler: string) => ({
  method,
  path,
  handler: `me.${handler}`,
  config: { policies: [] },
});

/** Admin routes for reviewing officers (permission "Hộp duyệt"); each applies the officer's scope. */
const staff = (path: string, handler: string) => ({
  method: 'GET',
  path,
  handler: `staff.${handler}`,
  config: {
    policies: [
      'admin::isAuthenticatedAdmin',
      { name: 'admin::hasPermissions', config: { actions: ['plugin::workflow.review'] } },
    ],
  },
});

/** Actions of a signed-in user on their own account (granted to the Authenticated and Seller roles). */
export const USER_ACTIONS = [
  ...['profile', 'update', 'export', 'remove', 'requests', 'request', 'signOutEverywhere'].map(
    (a) => `plugin::accounts.me.${a}`,
  ),
  ...['view', 'declare', 'revise'].map((a) => `plugin::accounts.business.${a}`),
  ...['list', 'read', 'create', 'update', 'submit', 'addImages', 'removeImage'].map(
    (a) => `plugin::accounts.mine.${a}`,
  ),
];

export default {
  admin: {
    type: 'admin',
    routes: [
      staff('/users', 'users'),
      staff('/users/:id', 'user'),
      staff('/private-files', 'files'),
      staff('/private-files/:id/content', 'file'),
    ],
  },
  'content-api': {
    type: 'content-api',
    routes: [
      open('POST', '/register', 'register', 'register'),
      open('POST', '/activate', 'activate', 'activate'),
      open('POST', '/resend', 'resend', 'resend'),
      open('POST', '/login', 'login', 'login'),
      open('POST', '/password/forgot', 'forgot', 'password-forgot'),
      open('POST', '/password/reset', 'reset', 'password-reset'),
      mine('GET', '/me', 'profile'),
      mine('PUT', '/me', 'update'),
      mine('GET', '/me/export', 'export'),
      mine('GET', '/me/data-requests', 'requests'),
      mine('POST', '/me/data-requests', 'request'),
      { ...mine('GET', '/mine/:type', 'list'), handler: 'mine.list' },
      { ...mine('POST', '/mine/:type', 'create'), handler: 'mine.create' },
      { ...mine('GET', '/mine/:type/:documentId', 'read'), handler: 'mine.read' },
      { ...mine('PUT', '/mine/:type/:documentId', 'update'), handler: 'mine.update' },
      { ...mine('POST', '/mine/:type/:documentId/submit', 'submit'), handler: 'mine.submit' },
      { ...mine('POST', '/mine/:type/:documentId/images', 'addImages'), handler: 'mine.addImages' },
      // POST: the site's forms cannot send DELETE.
      {
        ...mine('POST', '/mine/:type/:documentId/images/:fileId/delete', 'removeImage'),
        handler: 'mine.removeImage',
      },
      { ...mine('GET', '/business', 'view'), handler: 'business.view' },
      { ...mine('POST', '/business', 'declare'), handler: 'business.declare' },
      { ...mine('PUT', '/business', 'revise'), handler: 'business.revise' },
      // POST: a confirmation with the password (bodies of DELETE requests are not read; forms cannot send them).
      mine('POST', '/me/delete', 'remove'),
      // Every session of the account ends, this one included (a lost phone, a shared computer).
      mine('POST', '/me/sign-out-everywhere', 'signOutEverywhere'),
    ],
  },
};
