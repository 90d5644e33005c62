import { redirect } from 'react-router';
import { SESSION_COOKIE, clearedSessionCookie, readCookie } from '../.server/auth/cookie.ts';
import { signOut } from '../.server/auth/sessions.ts';
import { requestDatabase } from '../.server/services/database.ts';
import type { Route } from './+types/logout';

export async function action({ request, context }: Route.ActionArgs) {
  const token = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
  if (token) await signOut(requestDatabase().db, token, context.ip, new Date());
  return redirect('/login', { headers: { 'Set-Cookie': clearedSessionCookie(context.secureCookies) } });
}

export function loader() {
  return redirect('/');
}
