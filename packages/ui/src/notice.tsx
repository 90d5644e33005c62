export interface NoticeProps {
  kind: 'success' | 'error' | 'info';
  children: string;
}

/** A one-line result message; role=alert so screen readers announce errors. */
export function Notice({ kind, children }: NoticeProps) {
  return (
    <p className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
