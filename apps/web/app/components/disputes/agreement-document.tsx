import { translator } from '../../i18n/index.ts';

// The document is always Chinese: it is a legal paper handed to the parties, whatever the UI language.
const t = translator('zh-CN');

/** An agreement as the server sends it: free text is null where it is withheld from the reader's unit (§8). */
export interface Agreement {
  agreementNumber: string;
  signedOn: string;
  parties: string | null;
  facts: string | null;
  disputedMatters: string | null;
  responsibilities: string | null;
  rightsAndObligations: string | null;
  performance: string | null;
  mediator: string | null;
  committee: string | null;
}

/** Each line of a free-text field as its own paragraph, so every line gets the first-line indent of a printed form. */
function Paragraphs({ text }: { text: string | null }) {
  const lines = (text ?? t('registers.hiddenText')).split(/\r?\n/).filter((line) => line.trim().length > 0);
  return (
    <>
      {lines.map((line, i) => (
        <p key={i} className="agreement-text">
          {line}
        </p>
      ))}
    </>
  );
}

/** How many blank signature lines to print: one per party entry, at least two (申请人 and 被申请人). */
function partyCount(parties: string | null): number {
  return Math.max(2, (parties ?? '').split(/\r?\n|[;；]/).filter((line) => line.trim().length > 0).length);
}

/**
 * 人民调解协议书 laid out like the paper form: title and number, the parties, the facts,
 * the matters in dispute, responsibilities, the agreed rights and obligations, performance,
 * then a signature line per party, the mediator, the committee's seal and the date.
 */
export function AgreementDocument({ doc }: { doc: Agreement }) {
  const [year, month, day] = doc.signedOn.split('-').map(Number) as [number, number, number];
  const sections: Array<[string, string | null]> = [
    ['mediation.doc.facts', doc.facts],
    ['mediation.doc.disputedMatters', doc.disputedMatters],
    ['mediation.doc.responsibilities', doc.responsibilities],
    ['mediation.doc.rightsAndObligations', doc.rightsAndObligations],
    ['mediation.doc.performance', doc.performance],
  ];
  const [lastKey, lastText] = sections.at(-1)!;
  return (
    <article className="agreement" lang="zh-CN" data-testid="agreement">
      <h1 className="agreement-title">{t('mediation.doc.title')}</h1>
      <p className="agreement-number">{t('mediation.doc.number', { number: doc.agreementNumber })}</p>
      <section>
        <h2>{t('mediation.doc.parties')}</h2>
        <Paragraphs text={doc.parties} />
      </section>
      {sections.slice(0, -1).map(([key, text]) => (
        <section key={key}>
          <h2>{t(key as Parameters<typeof t>[0])}</h2>
          <Paragraphs text={text} />
        </section>
      ))}
      {/* The last clause, the signatures and the seal print as one block: a page never
          starts with the committee's seal and date alone (they attest the text above them). */}
      <div className="agreement-closing">
        <section>
          <h2>{t(lastKey as Parameters<typeof t>[0])}</h2>
          <Paragraphs text={lastText} />
        </section>
        <p className="agreement-text">{t('mediation.doc.copies')}</p>
        <div className="agreement-signatures">
          {Array.from({ length: partyCount(doc.parties) }, (_, i) => (
            <p key={i} className="signature-line">
              {t('mediation.doc.partySignature')}
              <span className="blank" />
            </p>
          ))}
          <p className="signature-line">
            {t('mediation.doc.mediatorSignature')}
            <span className="blank" />
            <span>（{doc.mediator}）</span>
          </p>
        </div>
        <div className="agreement-seal">
          <p>{doc.committee}</p>
          <p className="seal-area">{t('mediation.doc.seal')}</p>
          <p>{t('mediation.doc.date', { year, month, day })}</p>
        </div>
      </div>
    </article>
  );
}
