import { passwordProblem as problemOf } from '@sgd/contracts';
import { PASSWORD_POLICY } from '@sgd/config';

/**
 * Why a password is refused, in Vietnamese, or `null` when it is acceptable: the rules of
 * `PASSWORD_POLICY`, shared with the site's forms through @sgd/contracts.
 */
export function passwordProblem(password: unknown, personal: string[] = []): string | null {
  return problemOf(password, PASSWORD_POLICY, personal);
}
