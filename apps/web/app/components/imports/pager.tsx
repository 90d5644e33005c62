import { Link, useLocation } from 'react-router';
import { useI18n } from '../../lib/i18n-context.ts';

/** Previous/next links that change one query parameter and keep the others (plain links: no JS needed). */
export function Pager({
  param,
  page,
  total,
  pageSize,
}: {
  param: string;
  page: number;
  total: number;
  pageSize: number;
}) {
  const { t } = useI18n();
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const href = (to: number) => {
    const query = new URLSearchParams(location.search);
    query.set(param, String(to));
    return `${location.pathname}?${query}`;
  };
  return (
    <nav className="pager" aria-label={param}>
      {page > 1 ? (
        <Link to={href(page - 1)} preventScrollReset>
          {t('imports.prev')}
        </Link>
      ) : (
        <span />
      )}
      <span>{t('imports.page', { page, pages })}</span>
      {page < pages ? (
        <Link to={href(page + 1)} preventScrollReset>
          {t('imports.next')}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
