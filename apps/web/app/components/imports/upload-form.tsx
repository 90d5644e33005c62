import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Notice } from '@tally/ui';
import { useI18n } from '../../lib/i18n-context.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { UploadProgress, type ProgressState } from './upload-progress.tsx';

/**
 * The upload form. Without JavaScript it is a plain multipart post to the page's action
 * (no progress bar). With JavaScript the same form is sent by XHR to the upload route, so
 * the browser reports upload progress, and the batch's server-side progress is polled
 * while the file is parsed: the batch id is chosen here so it can be polled at once.
 */
export function UploadForm({ register }: { register: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [progress, setProgress] = useState<ProgressState | null>(null);
  const [refusal, setRefusal] = useState<{ messageKey: MessageKey; params: Record<string, string | number> } | null>(
    null,
  );
  const busy = useRef(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy.current) return;
    const form = event.currentTarget;
    const file = (form.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0];
    if (!file) {
      setRefusal({ messageKey: 'imports.error.noFile', params: {} });
      return;
    }
    busy.current = true;
    setRefusal(null);
    const batchId = newUuid();
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/registers/${register}/import/upload?batch=${batchId}`);
    xhr.setRequestHeader('Accept', 'application/json');
    setProgress({ phase: 'uploading', done: 0, total: file.size });
    xhr.upload.onprogress = (e) =>
      setProgress({ phase: 'uploading', done: e.loaded, total: e.lengthComputable ? e.total : file.size });
    let polling = true;
    xhr.upload.onload = () => void pollServer(batchId, (state) => polling && setProgress(state));
    xhr.onload = () => {
      polling = false;
      busy.current = false;
      try {
        const body = JSON.parse(xhr.responseText) as
          | { ok: true; url: string }
          | { ok: false; messageKey: MessageKey; params: Record<string, string | number> };
        if (body.ok) {
          navigate(body.url);
          return;
        }
        setRefusal({ messageKey: body.messageKey, params: body.params });
      } catch {
        setRefusal({ messageKey: 'imports.error.unexpected', params: {} });
      }
      setProgress(null);
    };
    xhr.onerror = () => {
      polling = false;
      busy.current = false;
      setProgress(null);
      setRefusal({ messageKey: 'imports.error.unexpected', params: {} });
    };
    xhr.send(new FormData(form));
  }

  return (
    <>
      {refusal && <Notice kind="error">{t(refusal.messageKey, refusal.params)}</Notice>}
      <form
        method="post"
        encType="multipart/form-data"
        className="inline-form"
        onSubmit={onSubmit}
        aria-label={t('imports.upload')}
      >
        <label>
          {t('imports.file')}
          <input
            type="file"
            name="file"
            required
            accept=".csv,.xlsx,.txt,.xls,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          />
        </label>
        <button type="submit" disabled={progress !== null}>
          {t('imports.upload')}
        </button>
        <noscript>{t('imports.noJs')}</noscript>
      </form>
      {progress && <UploadProgress state={progress} />}
    </>
  );
}

/** Poll the batch's progress until the upload's own response ends it. A 404 means "not created yet". */
// biome-ignore lint/suspicious/noConfusingVoidType: callers pass setters (void) or a stop signal (false).
async function pollServer(batchId: string, update: (state: ProgressState) => void | false): Promise<void> {
  for (let i = 0; i < 3_000; i++) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    try {
      const response = await fetch(
        `/api/trpc/imports.progress?input=${encodeURIComponent(JSON.stringify({ id: batchId }))}`,
      );
      if (!response.ok) continue;
      const { result } = (await response.json()) as {
        result: { data: { status: string; phase: 'parsing' | 'staging' | 'done'; done: number; total: number | null } };
      };
      const data = result.data;
      if (update({ phase: data.phase, done: data.done, total: data.total }) === false) return;
      if (data.status !== 'previewing') return;
    } catch {
      // A lost poll is harmless: the upload's response decides what happens next.
    }
  }
}

/** crypto.randomUUID needs a secure context; plain http on a county intranet is not one. */
function newUuid(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
