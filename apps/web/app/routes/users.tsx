import { Form, useActionData, useLoaderData } from 'react-router';
import { grantableRoles, mayActOn, type UserRole } from '@tally/db/roles';
import { ActionNotice } from '../components/action-notice.tsx';
import { useI18n } from '../lib/i18n-context.ts';
import { runAction } from '../.server/action-result.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { titleHandle } from '../lib/page-title.ts';
import type { Route } from './+types/users';

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, ['county_admin', 'security_admin'], request, context);
  const [users, units] = await Promise.all([caller.users.list(), caller.units.tree()]);
  return {
    users,
    units: units.filter((unit) => unit.active),
    now: Date.now(),
    actor: { userId: actor.userId, role: actor.role },
  };
});

export const action = pageHandler(async ({ request, context }: Route.ActionArgs) => {
  const { caller } = await requireCaller(request, context);
  const form = await request.formData();
  const field = (name: string) => String(form.get(name) ?? '').trim();
  const role = field('role') as UserRole;
  switch (field('intent')) {
    case 'create':
      return runAction(
        () =>
          caller.users.create({
            loginName: field('loginName'),
            displayName: field('displayName'),
            role,
            unitCode: field('unitCode'),
            password: String(form.get('password') ?? ''),
          }),
        { messageKey: 'users.created', params: { name: field('displayName') } },
      );
    case 'set-disabled':
      return runAction(() => caller.users.setDisabled({ id: field('id'), disabled: field('disabled') === 'true' }), {
        messageKey: 'users.saved',
      });
    case 'reset-password':
      return runAction(
        () => caller.users.resetPassword({ id: field('id'), password: String(form.get('password') ?? '') }),
        { messageKey: 'users.saved' },
      );
    case 'update':
      return runAction(() => caller.users.update({ id: field('id'), role, unitCode: field('unitCode') }), {
        messageKey: 'users.saved',
      });
    default:
      throw new Response('unknown intent', { status: 400 });
  }
});

export const handle = titleHandle((t) => t('users.title'));

export default function Users() {
  const { users, units, now, actor } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const unitName = new Map(units.map((unit) => [unit.code, unit.name]));
  const unitOptions = units.map((unit) => (
    <option key={unit.code} value={unit.code}>
      {unit.name}（{unit.code}）
    </option>
  ));
  // Only what the actor may grant (docs/security.md); the server refuses anything else all the same.
  const roleOptions = grantableRoles(actor.role).map((role) => (
    <option key={role} value={role}>
      {t(`role.${role}`)}
    </option>
  ));
  const may = (action: 'grant' | 'disable' | 'resetPassword', user: { id: string; role: UserRole }) =>
    mayActOn(actor.role, action, user.role) && (action === 'resetPassword' || user.id !== actor.userId);
  return (
    <section>
      <h1>{t('users.title')}</h1>
      <ActionNotice result={result} />
      <Form method="post" className="inline-form" aria-label={t('users.create')}>
        <input type="hidden" name="intent" value="create" />
        <label>
          {t('users.loginName')}
          <input name="loginName" required pattern="[A-Za-z0-9_\-]{3,32}" />
        </label>
        <label>
          {t('users.displayName')}
          <input name="displayName" required maxLength={40} />
        </label>
        <label>
          {t('users.role')}
          <select name="role">{roleOptions}</select>
        </label>
        <label>
          {t('users.unit')}
          <select name="unitCode">{unitOptions}</select>
        </label>
        <label>
          {t('users.password')}
          <input name="password" type="password" required minLength={8} autoComplete="new-password" />
        </label>
        <button type="submit">{t('users.create')}</button>
      </Form>
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('users.loginName')}</th>
            <th>{t('users.displayName')}</th>
            <th>{t('users.role')}</th>
            <th>{t('users.unit')}</th>
            <th>{t('users.status')}</th>
            <th>{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const locked = user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > now;
            return (
              <tr key={user.id}>
                <td>{user.loginName}</td>
                <td>{user.displayName}</td>
                <td>{t(`role.${user.role}`)}</td>
                <td>{unitName.get(user.unitCode) ?? user.unitCode}</td>
                <td>{user.disabled ? t('users.disabled') : locked ? t('users.locked') : t('users.enabled')}</td>
                <td className="row-actions">
                  {may('disable', user) && (
                    <Form method="post" className="mini-form">
                      <input type="hidden" name="intent" value="set-disabled" />
                      <input type="hidden" name="id" value={user.id} />
                      <input type="hidden" name="disabled" value={user.disabled ? 'false' : 'true'} />
                      <button type="submit">{user.disabled ? t('users.enable') : t('users.disable')}</button>
                    </Form>
                  )}
                  {may('resetPassword', user) && (
                    <Form method="post" className="mini-form">
                      <input type="hidden" name="intent" value="reset-password" />
                      <input type="hidden" name="id" value={user.id} />
                      <input
                        name="password"
                        type="password"
                        required
                        minLength={8}
                        placeholder={t('users.newPassword')}
                        aria-label={t('users.newPassword')}
                        autoComplete="new-password"
                      />
                      <button type="submit">{t('users.resetPassword')}</button>
                    </Form>
                  )}
                  {may('grant', user) && (
                    <Form method="post" className="mini-form">
                      <input type="hidden" name="intent" value="update" />
                      <input type="hidden" name="id" value={user.id} />
                      <select name="role" defaultValue={user.role} aria-label={t('users.role')}>
                        {roleOptions}
                      </select>
                      <select name="unitCode" defaultValue={user.unitCode} aria-label={t('users.unit')}>
                        {unitOptions}
                      </select>
                      <button type="submit">{t('users.update')}</button>
                    </Form>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
