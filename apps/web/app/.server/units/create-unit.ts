import { schema, type Transaction } from '@tally/db';
import { UserFacingError, notFound } from '../errors.ts';
import { checkChildCode } from '../services/unit-codes.ts';
import { auditChange, type AuthedContext } from '../trpc.ts';
import { findUnit } from './find-unit.ts';

/** A new unit under an active parent, its code checked against the parent's (level and prefix). */
export async function createUnit(
  tx: Transaction,
  ctx: AuthedContext,
  input: { parentCode: string; code: string; name: string },
) {
  const parent = await findUnit(tx, ctx.actor.countyId, input.parentCode);
  if (!parent) throw notFound();
  if (!parent.active) throw new UserFacingError('BAD_REQUEST', 'error.unit.parentInactive');
  const checked = checkChildCode(input.code, parent);
  if ('key' in checked) throw new UserFacingError('BAD_REQUEST', checked.key, checked.params);
  if (await findUnit(tx, ctx.actor.countyId, input.code)) {
    throw new UserFacingError('CONFLICT', 'error.unit.codeTaken', { code: input.code });
  }
  const [created] = await tx
    .insert(schema.units)
    .values({
      countyId: ctx.actor.countyId,
      code: input.code,
      name: input.name,
      level: checked.level,
      parentCode: parent.code,
    })
    .returning({ code: schema.units.code, name: schema.units.name, level: schema.units.level });
  await auditChange(tx, ctx, {
    action: 'units.create',
    objectType: 'unit',
    objectId: input.code,
    detail: { name: input.name, parent: parent.code },
  });
  return created!;
}
