import { errors } from '@strapi/utils';
import { MESSAGES, UID } from '../constants';

/**
 * `plugin::core.audit-read-only`, put on the content manager's write routes: a write to the audit
 * log answers 403 with a Vietnamese message before Strapi's permission check (whose own answer is
 * an English "Policy Failed"), whoever asks.
 */
const auditReadOnly = (policyContext: { params?: { model?: string } }) => {
  if (policyContext.params?.model === UID.auditEntry) throw new errors.PolicyError(MESSAGES.auditReadOnly);
  return true;
};

export default { 'audit-read-only': auditReadOnly };
