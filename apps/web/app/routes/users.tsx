import { Form, useActionData, useLoaderData, useSubmit } from 'react-router';
import { grantableRoles, mayActOn, type UserRole } from '@tally/db/roles';
import { ActionNotice } from '../components/action-notice.tsx';
import { useI18n } from '../lib/i18n-context.ts';
import { runAction } from '../.server/action-result.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { titleHandle } from '../lib/page-title.ts';
import { matchUnits } from '../lib/unit-search.ts';
import type { Route } from './+types/users';

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, ['county_admin', 'security_admin'], request, context);
  const [users, units] = await Promise.all([caller.users.list(), caller.units.tree()]);
  const active = units.filter((unit) => unit.active);
  const unitQuery = (new URL(request.url).searchParams.get('unitQuery') ?? '').slice(0, 40);
  const listed = new Set(users.map((user) => user.unitCode));
  // The page carries the names of the listed users' units and at most 20 matches of the
  // unit search: a county of 8,159 units no longer renders 8,159 options on every row.
  return {
    users,
    unitNames: Object.fromEntries(units.filter((unit) => listed.has(unit.code)).map((unit) => [unit.code, unit.name])),
    unitMatches: matchUnits(active, unitQuery),
    unitQuery,
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
  const { users, unitNames, unitMatches, unitQuery, now, actor } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const submit = useSubmit();
  // A unit is entered by its 12-digit code; the search below fills the suggestions (and,
  // with JavaScript, refreshes them as the admin types).
  const unitInputProps = {
    name: 'unitCode',
    list: 'unit-matches',
    required: true,
    pattern: '[0-9]{12}',
    inputMode: 'numeric',
    placeholder: t('users.unitCodeHint'),
  } as const;
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
          <input {...unitInputProps} />
        </label>
        <label>
          {t('users.password')}
          <input name="password" type="password" required minLength={8} autoComplete="new-password" />
        </label>
        <button type="submit">{t('users.create')}</button>
      </Form>
      <Form
        method="get"
        role="search"
        className="inline-form unit-search"
        aria-label={t('users.unitSearch')}
        onChange={(event) => submit(event.currentTarget, { replace: true, preventScrollReset: true })}
      >
        <label>
          {t('users.unitSearch')}
          <input
            type="search"
            name="unitQuery"
            defaultValue={unitQuery}
            maxLength={40}
            placeholder={t('users.unitSearchHint')}
          />
        </label>
        <button type="submit">{t('users.unitSearchGo')}</button>
      </Form>
      <datalist id="unit-matches">
        {unitMatches.map((unit) => (
          <option key={unit.code} value={unit.code} label={unit.name} />
        ))}
      </datalist>
      <ul className="unit-matches" data-testid="unit-matches">
        {unitMatches.map((unit) => (
          <li key={unit.code}>
            {unit.name}（{unit.code}）
          </li>
        ))}
        {unitMatches.length === 0 && <li>{t('users.unitNoMatch')}</li>}
      </ul>
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
                <td>{unitNames[user.unitCode] ?? user.unitCode}</td>
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
                      <input {...unitInputProps} defaultValue={user.unitCode} aria-label={t('users.unit')} />
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
