import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, startApp, type RunningApp } from '../setup/app-server.ts';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.ts';
import { signIn } from './support/http-client.ts';

/*
 * 第一时间报告 pushed over server-sent events, through the real server: the township above
 * and the county receive the filing the moment it commits; a sibling township does not.
 */
let database: TestDatabase;
let app: RunningApp;

/** An open event stream and the events read from it so far. */
async function openStream(loginName: string) {
  const cookie = await signIn(app.url, loginName);
  const controller = new AbortController();
  const response = await fetch(`${app.url}/reports/stream`, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: Array<{ unitCode: string; id: string }> = [];
  let connected = false;
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.includes(': connected')) connected = true;
        const data = block.split('\n').find((line) => line.startsWith('data: '));
        if (block.includes('event: immediate') && data) events.push(JSON.parse(data.slice(6)));
      }
    }
  })();
  /** Wait until `n` events have arrived (the condition, not a fixed sleep; the test timeout bounds it). */
  const waitFor = async (n: number) => {
    while (events.length < n) await new Promise((resolve) => setTimeout(resolve, 20));
    return events;
  };
  const close = async () => {
    controller.abort();
    await pump;
  };
  // The stream says it is connected once its LISTEN is in place.
  while (!connected) await new Promise((resolve) => setTimeout(resolve, 20));
  return { events, waitFor, close };
}

async function fileImmediate(loginName: string, title: string): Promise<string> {
  const cookie = await signIn(app.url, loginName);
  const now = Date.now();
  const response = await fetch(`${app.url}/api/trpc/reports.fileImmediate`, {
    method: 'POST',
    headers: { origin: app.url, cookie, 'content-type': 'application/json' },
    body: JSON.stringify({
      eventKind: 'mass_incident',
      title,
      summary: '村口聚集约二十人',
      occurredAt: new Date(now - 20 * 60_000).toISOString(),
      knownAt: new Date(now - 10 * 60_000).toISOString(),
    }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { result: { data: { id: string } } }).result.data.id;
}

beforeAll(async () => {
  buildWebApp();
  database = await createTestDatabase();
  app = await startApp(database.ownerUrl);
});
afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

describe('第一时间报告 pushed to the units above', () => {
  it('reaches the township and the county at once, never a sibling township, and carries no text', async () => {
    const township = await openStream('zhen01');
    const county = await openStream('admin');
    const sibling = await openStream('zhen02');
    const first = await fileImmediate('cun0101', '一号事件');
    const [atTownship] = await township.waitFor(1);
    const [atCounty] = await county.waitFor(1);
    expect(atTownship).toMatchObject({ id: first, eventKind: 'mass_incident', withinLimit: true });
    expect(atCounty).toMatchObject({ id: first });
    expect(JSON.stringify(atTownship)).not.toContain('一号事件');
    // A filing in the sibling's own village arrives there first and alone: the first one never did.
    const second = await fileImmediate('cun0201', '二号事件');
    const [atSibling] = await sibling.waitFor(1);
    expect(atSibling!.id).toBe(second);
    expect((await county.waitFor(2)).map((e) => e.id)).toEqual([first, second]);
    expect(township.events.map((e) => e.id)).toEqual([first]);
    await Promise.all([township.close(), county.close(), sibling.close()]);
  });

  it('refuses a reader without case data, and one not signed in', async () => {
    const cookie = await signIn(app.url, 'auditor');
    expect((await fetch(`${app.url}/reports/stream`, { headers: { cookie } })).status).toBe(403);
    const anonymous = await fetch(`${app.url}/reports/stream`, { redirect: 'manual' });
    expect(anonymous.status).toBe(302);
  });
});
