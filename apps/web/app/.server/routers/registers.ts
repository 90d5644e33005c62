import { z } from 'zod';
import { caseDataRoles } from '@tally/db';
import { createRow } from '../registers/create-row.ts';
import { EXPORT_PAGE_SIZE, exportRows } from '../registers/export-rows.ts';
import { getRow } from '../registers/get-row.ts';
import { formValues, registerKey } from '../registers/inputs.ts';
import { listFilters, orderedFilters } from '../registers/list-query.ts';
import { listRows } from '../registers/list-rows.ts';
import { registersOverview } from '../registers/overview.ts';
import { removeRow } from '../registers/remove-row.ts';
import { revealRow } from '../registers/reveal-row.ts';
import { updateRow } from '../registers/update-row.ts';
import { unitCodeInput } from '../services/unit-codes.ts';
import { roleProcedure, router } from '../trpc.ts';

const cursor = z.string().max(80).optional();

/** The registers (台帐) of docs/domain.md §2: kept by each unit, read by every unit above it. */
export const registersRouter = router({
  /** How many live rows each register holds in the actor's scope: the registers' front page. */
  overview: roleProcedure(...caseDataRoles)
    .input(z.object({ unitCode: unitCodeInput.optional() }).default({}))
    .query(({ ctx, input }) => ctx.run((tx) => registersOverview(tx, ctx, input))),

  /** One page in date order, newest first, with the total; keyset-paged so deep pages stay cheap. */
  list: roleProcedure(...caseDataRoles)
    .input(
      orderedFilters(
        listFilters.extend({
          register: registerKey,
          cursor,
          pageSize: z.number().int().min(1).max(100).default(20),
        }),
      ),
    )
    .query(({ ctx, input }) => ctx.run((tx) => listRows(tx, ctx, input))),

  get: roleProcedure(...caseDataRoles)
    .input(z.object({ register: registerKey, id: z.string().uuid() }))
    .query(({ ctx, input }) => ctx.run((tx) => getRow(tx, ctx, input))),

  /** Personal data in full above the keeping unit: allowed in scope, always audited (§8). */
  reveal: roleProcedure(...caseDataRoles)
    .input(z.object({ register: registerKey, id: z.string().uuid() }))
    .mutation(({ ctx, input }) => ctx.run((tx) => revealRow(tx, ctx, input))),

  /** A record typed in at the actor's own unit. */
  create: roleProcedure(...caseDataRoles)
    .input(z.object({ register: registerKey, values: formValues }))
    .mutation(({ ctx, input }) => ctx.run((tx) => createRow(tx, ctx, input))),

  /** Edit a record of the actor's own unit; refused when someone saved it since it was opened. */
  update: roleProcedure(...caseDataRoles)
    .input(
      z.object({ register: registerKey, id: z.string().uuid(), updatedAt: z.string().datetime(), values: formValues }),
    )
    .mutation(({ ctx, input }) => ctx.run((tx) => updateRow(tx, ctx, input))),

  /** Soft delete: the row leaves every list and export but stays on file, and the deletion is audited. */
  remove: roleProcedure(...caseDataRoles)
    .input(
      z.object({
        register: registerKey,
        id: z.string().uuid(),
        updatedAt: z.string().datetime(),
        reason: z.string().trim().max(200).optional(),
      }),
    )
    .mutation(({ ctx, input }) => ctx.run((tx) => removeRow(tx, ctx, input))),

  /** A filtered list for a spreadsheet, one keyset page at a time; the first page is audited (§8). */
  exportRows: roleProcedure(...caseDataRoles)
    .input(
      orderedFilters(
        listFilters.extend({
          register: registerKey,
          cursor,
          pageSize: z.number().int().min(1).max(EXPORT_PAGE_SIZE).default(EXPORT_PAGE_SIZE),
        }),
      ),
    )
    .mutation(({ ctx, input }) => ctx.run((tx) => exportRows(tx, ctx, input))),
});
