import type { ReactNode } from 'react';

/**
 * A refused field of a form: its message sits under the field, and the field points to it.
 * `fieldErrorProps` goes on the input (aria-invalid, aria-describedby); `FieldError` is the
 * message. Both are empty when the field is fine, so forms use them on every field.
 * `FieldWithError` holds a field's label and input with the message after them, outside the
 * label: the message describes the field and is not part of its name (a screen reader would
 * read it twice).
 */
export const fieldErrorId = (form: string, name: string) => `${form}-${name}-error`;

export function fieldErrorProps(
  form: string,
  name: string,
  message: string | undefined,
): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return message ? { 'aria-invalid': true, 'aria-describedby': fieldErrorId(form, name) } : {};
}

export function FieldError({ form, name, message }: { form: string; name: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <small id={fieldErrorId(form, name)} className="field-error" data-field-error={name}>
      {message}
    </small>
  );
}

export function FieldWithError({
  form,
  name,
  message,
  wide = false,
  children,
}: {
  form: string;
  name: string;
  message: string | undefined;
  /** The whole line of the form. */
  wide?: boolean;
  /** The label and the input (the input spreads `fieldErrorProps`). */
  children: ReactNode;
}) {
  return (
    <div className={wide ? 'field wide' : 'field'}>
      {children}
      <FieldError form={form} name={name} message={message} />
    </div>
  );
}
