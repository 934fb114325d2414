const signedIn = (method: string, path: string, action: string) => ({
  method,
  path,
  handler: `orders.${action}`,
  config: { policies: [] },
});

const ROUTES = [
  signedIn('POST', '/', 'create'),
  signedIn('GET', '/', 'list'),
  signedIn('GET', '/incoming', 'incoming'),
  signedIn('GET', '/:code', 'read'),
  signedIn('POST', '/:code/actions', 'act'),
];

/** Actions of signed-in site users (granted to the Authenticated and Seller roles at bootstrap). */
export const USER_ACTIONS = ROUTES.map((route) => `plugin::orders.${route.handler}`);

export default {
  'content-api': { type: 'content-api', routes: ROUTES },
};
