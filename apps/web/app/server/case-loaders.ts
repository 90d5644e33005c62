import { TRPCError } from '@trpc/server';

/** A case that is missing or out of scope is a 404 page, like any other unknown address. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'NOT_FOUND') throw new Response('not found', { status: 404 });
    if (error instanceof TRPCError && error.code === 'BAD_REQUEST') throw new Response('not found', { status: 404 });
    throw error;
  }
}
