import { useI18n } from '../../lib/i18n-context.ts';

export interface ProgressState {
  phase: 'uploading' | 'parsing' | 'staging' | 'done';
  done: number;
  total: number | null;
}

/** One bar per phase: bytes sent, rows parsed (of an estimate for CSV), rows saved. */
export function UploadProgress({ state }: { state: ProgressState }) {
  const { t, language } = useI18n();
  const n = (value: number) => value.toLocaleString(language);
  const percent = state.total ? Math.min(99, Math.floor((state.done / state.total) * 100)) : undefined;
  let label: string;
  if (state.phase === 'uploading') label = t('imports.uploading', { percent: percent ?? 0 });
  else if (state.phase === 'parsing')
    label = state.total
      ? t('imports.parsingOf', { done: n(state.done), total: n(state.total) })
      : t('imports.parsing', { done: n(state.done) });
  else label = t('imports.staging', { done: n(state.done), total: n(state.total ?? state.done) });
  return (
    <div className="import-progress" data-testid="import-progress" role="status">
      <progress max={100} value={percent} aria-label={t('imports.progress')} />
      <span>{label}</span>
    </div>
  );
}
