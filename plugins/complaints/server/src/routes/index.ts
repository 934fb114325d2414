const route = (method: string, path: string, handler: string, prefix?: string) => ({
  method,
  path,
  handler,
  config: { policies: [], ...(prefix === undefined ? {} : { prefix }) },
});

const COMPLAINT_ROUTES = [
  route('POST', '/', 'complaints.create'),
  route('GET', '/', 'complaints.list'),
  route('GET', '/incoming', 'complaints.incoming'),
  route('GET', '/:documentId', 'complaints.read'),
  route('POST', '/:documentId/actions', 'complaints.act'),
];
// `/api/reports`, outside the plugin's prefix: reports are not about complaints.
const REPORT_ROUTES = [route('POST', '/reports', 'reports.create', '')];

const REVIEW = [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: ['plugin::workflow.review'] } },
];
const adminRoute = (method: string, path: string, handler: string) => ({
  method,
  path,
  handler,
  config: { policies: REVIEW },
});

/** Actions of signed-in site users (Authenticated and Seller roles). */
export const USER_ACTIONS = COMPLAINT_ROUTES.map((r) => `plugin::complaints.${r.handler}`);
/** Actions of everyone, signed in or not. */
export const PUBLIC_ACTIONS = REPORT_ROUTES.map((r) => `plugin::complaints.${r.handler}`);

export default {
  'content-api': { type: 'content-api', routes: [...COMPLAINT_ROUTES, ...REPORT_ROUTES] },
  admin: {
    type: 'admin',
    routes: [
      adminRoute('GET', '/:documentId', 'staff.read'),
      adminRoute('POST', '/:documentId/forward', 'staff.forward'),
    ],
  },
};
