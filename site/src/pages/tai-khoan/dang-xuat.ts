import type { APIRoute } from 'astro';
import { endSession } from '../../lib/account';

/** Signing out is a POST (a link could be followed by anyone's page). */
export const POST: APIRoute = ({ cookies, redirect }) => {
  endSession(cookies);
  return redirect('/', 303);
};
