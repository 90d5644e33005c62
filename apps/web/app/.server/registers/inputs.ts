import { z } from 'zod';
import { registerKeys, type RegisterKey } from '@tally/db/registers';

/** One of the registers, by key. */
export const registerKey = z.enum(registerKeys as [RegisterKey, ...RegisterKey[]]);
/** Form input: every field as the clerk typed it; checked by the register's own rules. */
export const formValues = z.record(z.string().max(40), z.string().max(5000));
