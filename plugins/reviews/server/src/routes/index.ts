const signedIn = (method: string, path: string, action: string) => ({
  method,
  path,
  handler: `reviews.${action}`,
  config: { policies: [] },
});
const open = (path: string, action: string) => ({
  method: 'GET',
  path,
  handler: `reviews.${action}`,
  config: { auth: false as const, policies: [], middlewares: [] },
});

const USER_ROUTES = [
  signedIn('POST', '/reviews', 'createReview'),
  signedIn('GET', '/reviews/mine', 'myReviews'),
  signedIn('PUT', '/reviews/:id', 'editReview'),
  signedIn('POST', '/comments', 'createComment'),
  signedIn('GET', '/comments/mine', 'myComments'),
  signedIn('PUT', '/comments/:id', 'editComment'),
  signedIn('POST', '/answers', 'createAnswer'),
  signedIn('GET', '/answers/mine', 'myAnswers'),
  signedIn('PUT', '/answers/:id', 'editAnswer'),
];

/** Actions of signed-in site users (granted to the Authenticated and Seller roles at bootstrap). */
export const USER_ACTIONS = USER_ROUTES.map((route) => `plugin::reviews.${route.handler}`);

export default {
  'content-api': {
    type: 'content-api',
    prefix: '',
    routes: [
      ...USER_ROUTES,
      open('/products/:id/reviews', 'productReviews'),
      open('/products/:id/comments', 'productComments'),
    ],
  },
};
