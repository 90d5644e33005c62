/**
 * An error as it may be written to a log: what went wrong and where, never the values.
 *
 * postgres.js errors carry `parameters` and `query`, drizzle's DrizzleQueryError puts the
 * whole statement and every bound parameter into its message (and so into its stack), and
 * tRPC copies that message into the TRPCError wrapping it. A failed insert would log the
 * petitioner's name, ID number, phone and address, or a 5,000-row import chunk. So only
 * the fields listed here leave: a whitelist, not a blacklist of known leaky keys.
 */

export interface SafeError {
  type: string;
  message: string;
  /** SQLSTATE for database errors, the tRPC code for tRPC errors. */
  code?: string;
  /** Schema names Postgres reports: identifiers, never row values. */
  routine?: string;
  table?: string;
  column?: string;
  constraint?: string;
  stack?: string;
  cause?: SafeError;
}

const MAX_DEPTH = 4;
/** Quoted words Postgres uses for names (kept); any other quoted text is a value (withheld). */
const NAME_BEFORE_QUOTE =
  /(?:constraint|relation|column|table|type|encoding|index|function|schema|role|database|operator|sequence|trigger|view)\s$/i;

/** The message without statement, parameters or quoted values. */
export function safeMessage(message: string): string {
  if (message.startsWith('Failed query:')) return 'Failed query (statement and parameters withheld)';
  const cut = message.split(/\r?\nparams:/)[0] ?? '';
  let out = '';
  let rest = cut;
  for (let match = /"[^"]*"|'[^']*'/.exec(rest); match; match = /"[^"]*"|'[^']*'/.exec(rest)) {
    const before = rest.slice(0, match.index);
    out += before + (NAME_BEFORE_QUOTE.test(before) ? match[0] : `${match[0][0]}…${match[0][0]}`);
    rest = rest.slice(match.index + match[0].length);
  }
  return (out + rest).slice(0, 500);
}

function stringField(value: object, key: string): string | undefined {
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' && field.length <= 200 ? field : undefined;
}

/** Stack frames only: the first line of a stack repeats the (unsafe) message. */
function safeStack(stack: unknown, header: string): string | undefined {
  if (typeof stack !== 'string') return undefined;
  const frames = stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 20);
  return [header, ...frames].join('\n');
}

export function safeError(error: unknown, depth = 0): SafeError {
  if (!(error instanceof Error)) {
    return { type: typeof error, message: typeof error === 'string' ? safeMessage(error) : 'non-error value thrown' };
  }
  const type = error.constructor?.name || error.name || 'Error';
  const message = safeMessage(error.message);
  const out: SafeError = { type, message };
  const code = stringField(error, 'code');
  if (code) out.code = code;
  const routine = stringField(error, 'routine');
  if (routine) out.routine = routine;
  const table = stringField(error, 'table_name');
  if (table) out.table = table;
  const column = stringField(error, 'column_name');
  if (column) out.column = column;
  const constraint = stringField(error, 'constraint_name');
  if (constraint) out.constraint = constraint;
  const stack = safeStack(error.stack, `${type}: ${message}`);
  if (stack) out.stack = stack;
  if (error.cause !== undefined && error.cause !== error && depth < MAX_DEPTH)
    out.cause = safeError(error.cause, depth + 1);
  return out;
}
