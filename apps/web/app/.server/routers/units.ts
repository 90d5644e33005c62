import { z } from 'zod';
import { createUnit } from '../units/create-unit.ts';
import { renameUnit } from '../units/rename-unit.ts';
import { setUnitActive } from '../units/set-unit-active.ts';
import { unitTree } from '../units/unit-tree.ts';
import { unitCodeInput } from '../services/unit-codes.ts';
import { roleProcedure, router } from '../trpc.ts';

const unitCode = unitCodeInput;
const unitName = z.string().trim().min(1).max(60);

export const unitsRouter = router({
  /** Units in the actor's scope (own unit and below), in code order; the caller builds the tree. */
  tree: roleProcedure('county_admin', 'county_staff', 'township_staff', 'village_staff', 'security_admin').query(
    ({ ctx }) => ctx.run((tx) => unitTree(tx, ctx)),
  ),

  create: roleProcedure('county_admin')
    .input(z.object({ parentCode: unitCode, code: z.string().trim(), name: unitName }))
    .mutation(({ ctx, input }) => ctx.run((tx) => createUnit(tx, ctx, input))),

  rename: roleProcedure('county_admin')
    .input(z.object({ code: unitCode, name: unitName }))
    .mutation(({ ctx, input }) => ctx.run((tx) => renameUnit(tx, ctx, input))),

  setActive: roleProcedure('county_admin')
    .input(z.object({ code: unitCode, active: z.boolean() }))
    .mutation(({ ctx, input }) => ctx.run((tx) => setUnitActive(tx, ctx, input))),
});
