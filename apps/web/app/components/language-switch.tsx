import { Form, useLocation } from 'react-router';
import { useI18n } from '../lib/i18n-context.ts';

/** A plain form post, so switching works without JavaScript. */
export function LanguageSwitch() {
  const { language, t } = useI18n();
  const location = useLocation();
  return (
    <Form method="post" action="/lang" className="language-switch">
      <input type="hidden" name="language" value={language === 'zh-CN' ? 'en' : 'zh-CN'} />
      <input type="hidden" name="back" value={location.pathname + location.search} />
      <button type="submit" className="link-button">
        {t('lang.switch')}
      </button>
    </Form>
  );
}
