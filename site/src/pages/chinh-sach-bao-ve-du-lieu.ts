import type { APIRoute } from 'astro';
import { documentHref } from '../lib/adapters';
import { cms } from '../lib/cms';

/**
 * The privacy policy in force, at an address that never changes (`PRIVACY_POLICY_PATH`): the consent
 * box links here, so it leads to the policy even when the page holding it was built without the
 * CMS's links. No policy in force yet: the list of documents, at its group of policies.
 */
export const GET: APIRoute = async ({ redirect }) => {
  const policy = await cms.getPrivacyPolicy();
  return redirect(policy ? documentHref(policy.slug) : '/van-ban#nhom-privacy_policy', 302);
};
