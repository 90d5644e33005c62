import { redirect, useActionData, useLoaderData } from 'react-router';
import { caseDataRoles } from '@tally/db/roles';
import { IntakeForm, type IntakeFailure } from '../components/cases/intake-form.tsx';
import { languageFromCookie, translator } from '../i18n/index.ts';
import { useI18n } from '../lib/i18n-context.ts';
import { caseErrorMessage } from '../.server/case-form-errors.ts';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import '../components/cases/cases.css';
import { titleHandle } from '../lib/page-title.ts';
import type { Route } from './+types/cases-new';

const FIELDS = [
  'receivedAt',
  'channel',
  'category',
  'peopleCount',
  'personTimes',
  'skipLevel',
  'repeatPetition',
  'duplicateOfCaseNumber',
  'summary',
  'petitionerName',
  'petitionerIdNumber',
  'petitionerPhone',
  'petitionerAddress',
] as const;

/** 'YYYY-MM-DDTHH:mm' of an instant in Asia/Shanghai, for a datetime-local input. */
const shanghaiLocal = (instant: Date) => new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);

export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  return { defaultReceivedAt: shanghaiLocal(new Date()) };
});

export const action = pageHandler(async ({ request, context }: Route.ActionArgs): Promise<IntakeFailure> => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const t = translator(languageFromCookie(request.headers.get('cookie')));
  const form = await request.formData();
  const values = Object.fromEntries(FIELDS.map((name) => [name, String(form.get(name) ?? '').trim()])) as Record<
    (typeof FIELDS)[number],
    string
  >;
  // Every message names the field by its label and says what is allowed: it is shown under the field.
  const fail = (field: (typeof FIELDS)[number], message: string): IntakeFailure => ({ field, values, message });

  // Checked here first so an empty form is answered before any work; the procedure checks everything again.
  if (!values.petitionerName)
    return fail('petitionerName', t('cases.error.required', { field: t('cases.field.petitionerName') }));
  if (!values.summary) return fail('summary', t('cases.error.required', { field: t('cases.field.summary') }));
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(values.receivedAt))
    return fail('receivedAt', t('error.input.dateTime', { field: t('cases.field.receivedAt') }));
  const peopleCount = Number(values.peopleCount);
  // Left empty, person-times are as many as people (one visit); the intake refuses fewer.
  const personTimes = values.personTimes ? Number(values.personTimes) : undefined;
  try {
    const created = await caller.cases.register({
      // The desk enters Shanghai wall-clock time.
      receivedAt: `${values.receivedAt}:00+08:00`,
      channel: values.channel as Parameters<typeof caller.cases.register>[0]['channel'],
      category: values.category as Parameters<typeof caller.cases.register>[0]['category'],
      peopleCount,
      personTimes,
      skipLevel: values.skipLevel === 'on',
      repeatPetition: values.repeatPetition === 'on',
      duplicateOfCaseNumber: values.duplicateOfCaseNumber,
      summary: values.summary,
      petitionerName: values.petitionerName,
      petitionerIdNumber: values.petitionerIdNumber,
      petitionerPhone: values.petitionerPhone,
      petitionerAddress: values.petitionerAddress,
    });
    throw redirect(`/cases/${created.id}?registered=${encodeURIComponent(created.caseNumber)}`);
  } catch (error) {
    if (error instanceof Response) throw error;
    const { message, field } = caseErrorMessage(error, t);
    const known = FIELDS.find((name) => name === field) ?? null;
    return { message, field: known, values };
  }
});

export const handle = titleHandle((t) => t('cases.new'));

export default function NewCase() {
  const { defaultReceivedAt } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <section>
      <h1>{t('cases.new')}</h1>
      {/* Remount on each refusal so the fields show what was submitted. */}
      <IntakeForm key={JSON.stringify(failure?.values ?? {})} defaultReceivedAt={defaultReceivedAt} failure={failure} />
    </section>
  );
}
