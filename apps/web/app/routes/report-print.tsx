import { Link, useLoaderData } from 'react-router';
import { caseDataRoles } from '@tally/db/roles';
import { PrintButton } from '../components/print-button.tsx';
import printStyles from '../components/reports/report-print.css?url';
import { useI18n } from '../lib/i18n-context.ts';
import { orNotFound, pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { documentOf } from '../.server/reports/report-document.ts';
import { titleHandle, type LoaderData } from '../lib/page-title.ts';
import type { Route } from './+types/report-print';

export const links = () => [{ rel: 'stylesheet', href: printStyles }];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const loader = pageHandler(async ({ request, context, params }: Route.LoaderArgs) => {
  const { caller, actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  if (!params.id || !UUID.test(params.id)) throw new Response('not found', { status: 404 });
  const loaded = await orNotFound(caller.reports.get({ id: params.id }));
  return { id: params.id, doc: documentOf(loaded, new Date()) };
});

type Loaded = LoaderData<typeof loader>;
export const handle = titleHandle<Loaded>((_t, data) => data.doc.title);

/** The report on A4 in the official layout: title, addressee, body, seal space, unit and date. */
export default function ReportPrint() {
  const { id, doc } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <section>
      <div className="paper-toolbar no-print">
        <Link to={`/reports/${id}`}>{t('reports.backToReport')}</Link>
        <a href={`/reports/${id}/docx`} download>
          {t('reports.docx')}
        </a>
        <PrintButton />
      </div>
      <article className="report-paper" data-testid="report-paper">
        <h1>{doc.title}</h1>
        {doc.addressee && <p className="addressee">{doc.addressee}</p>}
        {doc.sections.map((section, index) => (
          <section key={index}>
            {section.heading && <h2>{section.heading}</h2>}
            {section.paragraphs.map((text, i) => (
              <p key={i}>{text}</p>
            ))}
          </section>
        ))}
        <div className="signature">
          <span className="seal-area">（盖章）</span>
          <p>{doc.unitName}</p>
          <p>{doc.dateLine}</p>
        </div>
      </article>
    </section>
  );
}
