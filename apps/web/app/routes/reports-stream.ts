import { caseDataRoles } from '@tally/db/roles';
import { pageHandler } from '../.server/page-errors.ts';
import { requireCaller, requireRole } from '../.server/request.ts';
import { receives, subscribeImmediate } from '../.server/reports/immediate-stream.ts';
import type { Route } from './+types/reports-stream';

/** A comment line every 25 s keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000;

/**
 * Server-sent events: a 第一时间报告 filed below the reader's unit is pushed the moment it
 * commits (event `immediate`, data: ids, unit, kind, times; no text). The session is checked
 * once when the stream opens; signing out ends it on the next reconnect.
 */
export const loader = pageHandler(async ({ request, context }: Route.LoaderArgs) => {
  const { actor } = await requireCaller(request, context);
  await requireRole(actor, caseDataRoles, request, context);
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const unsubscribe = await subscribeImmediate((notice) => {
        if (receives(actor, notice)) send(`event: immediate\nid: ${notice.id}\ndata: ${JSON.stringify(notice)}\n\n`);
      });
      const heartbeat = setInterval(() => send(': keep-alive\n\n'), HEARTBEAT_MS);
      stop = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.signal.addEventListener('abort', () => {
        stop();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
      send('retry: 5000\n: connected\n\n');
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    },
  });
});
