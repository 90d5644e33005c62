import { redirect } from 'react-router';
import { localPathFor } from '../.server/local-path.ts';
import type { Route } from './+types/lang';

/** Switch language: a cookie for a year, then back to where the user was. */
export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData();
  const language = form.get('language') === 'en' ? 'en' : 'zh-CN';
  const target = localPathFor(String(form.get('back') ?? '/'), request);
  return redirect(target, { headers: { 'Set-Cookie': `lang=${language}; Path=/; Max-Age=31536000; SameSite=Lax` } });
}

export function loader() {
  return redirect('/');
}
