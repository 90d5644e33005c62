import { connect } from 'node:net';
export { signIn } from '../../setup/sign-in.ts';

export interface RawAnswer {
  /** 0 when the server answered nothing before the guard ran out. */
  status: number;
  text: string;
  /** Body bytes this client had written when the answer (or the guard) came. */
  sent: number;
}

/**
 * One request over a bare socket, to send what fetch will not: a Content-Length with no
 * body behind it, or a chunked body that never ends. `feed` writes the body; the answer is
 * whatever the server sends before it closes the connection, or before `guardMs` (a guard
 * against a server that waits forever, not a timing assertion).
 */
export function rawRequest(
  url: string,
  head: string[],
  feed: (write: (chunk: Buffer) => Promise<boolean>) => Promise<void>,
  guardMs = 15_000,
): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    let sent = 0;
    let answered = false;
    const finish = () => {
      if (answered) return;
      answered = true;
      clearTimeout(guard);
      socket.destroy();
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
      resolve({ status, text: received, sent });
    };
    const guard = setTimeout(finish, guardMs);
    socket.on('data', (chunk) => {
      received += chunk.toString();
    });
    socket.on('close', finish);
    socket.on('error', () => {});
    const write = (chunk: Buffer) =>
      new Promise<boolean>((done) => {
        if (answered || socket.destroyed) return done(false);
        socket.write(chunk, (error) => {
          if (!error) sent += chunk.length;
          done(!error && !answered);
        });
      });
    socket.on('connect', () => {
      socket.write(`${head.join('\r\n')}\r\n\r\n`);
      void feed(write);
    });
  });
}

/** Poll `probe` until it returns true: for what a server writes to its log after it has answered. */
export async function until(what: string, probe: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
