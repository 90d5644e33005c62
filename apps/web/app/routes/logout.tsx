import { redirect, type ActionFunctionArgs } from 'react-router';
import { SESSION_COOKIE, clearedSessionCookie, readCookie } from '../.server/auth/cookie.ts';
import { signOut } from '../.server/auth/sessions.ts';
import { requestDatabase } from '../.server/services/database.ts';

export async function action({ request, context }: ActionFunctionArgs) {
  const token = readCookie(request.headers.get('cookie'), SESSION_COOKIE);
  if (token) await signOut(requestDatabase().db, token, context.ip, new Date());
  return redirect('/login', { headers: { 'Set-Cookie': clearedSessionCookie(context.secureCookies) } });
}

export function loader() {
  return redirect('/');
}
