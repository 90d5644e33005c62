import { and, desc, eq, isNull, count, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  COMPLEXITIES,
  DEFAULT_DEADLINE_RULES,
  REPLY_METHODS,
  SATISFACTIONS,
  allowedActions,
  ancestorAt,
  caseClock,
  isWithin,
  revisitRequired,
  shanghaiDate,
  transition,
  type CaseState,
  type PetitionAction,
  type UnitLevel,
} from '@tally/casework';
import { caseDataRoles, schema, type Transaction } from '@tally/db';
import { UserFacingError, forbidden, notFound } from '../errors.ts';
import { countyCalendar } from '../services/work-calendar.ts';
import { exportedPersonalData, personalDataFor, projectionOf, revealedPersonalData } from '../services/case-records.ts';
import {
  CASE_CATEGORIES,
  CASE_CHANNELS,
  civilDate,
  exportInput,
  listFilters,
  listInput,
} from '../services/case-filters.ts';
import { boundedPeriod } from '../services/period-input.ts';
import { unitFigures } from '../services/case-figures.ts';
import { noticeFor } from '../services/case-notice.ts';
import { unitCodeInput } from '../services/unit-codes.ts';
import { unitNamesOf } from '../services/unit-names.ts';
import { anyInScope, inScope, listScope } from '../services/unit-scope.ts';
import { domainError, registerPetition } from '../services/petition-intake.ts';
import { auditChange, roleProcedure, router, type AuthedContext } from '../trpc.ts';

export { CASE_CATEGORIES };
/** The most supervision notices one batch prints. */
const NOTICE_BATCH_LIMIT = 200;
/** The most cases one export writes: several years of a busy county. */
const CASE_EXPORT_LIMIT = 200_000;
const channels = CASE_CHANNELS;
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : null));

const actionInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('accept') }),
  z.object({ type: z.literal('refuse'), reason: z.string().max(500) }),
  z.object({
    type: z.literal('assign'),
    unitCode: unitCodeInput,
    person: z.string().max(60),
    complexity: z.enum(COMPLEXITIES),
  }),
  z.object({ type: z.literal('start') }),
  z.object({ type: z.literal('reply'), method: z.enum(REPLY_METHODS), content: z.string().max(4000) }),
  z.object({ type: z.literal('revisit'), satisfaction: z.enum(SATISFACTIONS) }),
  z.object({ type: z.literal('archive') }),
  z.object({
    type: z.literal('escalate'),
    toUnitCode: unitCodeInput,
    toLevel: z.enum(['county', 'township', 'village']),
    reason: z.string().max(500),
  }),
]);

/** The levels a case handled at each level may be escalated to, nearest first. */
const ABOVE: Readonly<Record<UnitLevel, readonly UnitLevel[]>> = {
  village: ['township', 'county'],
  township: ['county'],
  county: [],
};

const workflowActor = (ctx: AuthedContext) => ({
  userId: ctx.actor.userId,
  unitCode: ctx.actor.unitCode,
  role: ctx.actor.role,
});

/** Cases the actor may see: handled, registered, or assigned within their scope (the API's own guard beside RLS). */
function visibleTo(ctx: AuthedContext) {
  const cases = schema.petitionCases;
  return and(
    eq(cases.countyId, ctx.actor.countyId),
    isNull(cases.deletedAt),
    anyInScope([cases.unitCode, cases.registeredUnitCode, cases.assignedUnitCode], ctx.actor.scope),
  );
}

async function findCase(tx: Transaction, ctx: AuthedContext, id: string, lock = false) {
  const query = tx
    .select()
    .from(schema.petitionCases)
    .where(and(visibleTo(ctx), eq(schema.petitionCases.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound();
  return row;
}

export const casesRouter = router({
  /** Intake (登记) at the actor's own unit, for every channel. */
  register: roleProcedure(...caseDataRoles)
    .input(
      z.object({
        receivedAt: z.string().datetime({ offset: true }),
        channel: z.enum(channels),
        peopleCount: z.number().int().min(1).max(100000),
        /** Visits by those people; left out, as many as there are people. Never fewer (checked at intake). */
        personTimes: z.number().int().min(1).max(100000).optional(),
        skipLevel: z.boolean().default(false),
        repeatPetition: z.boolean().default(false),
        category: z.enum(CASE_CATEGORIES),
        summary: z.string().trim().min(1).max(4000),
        petitionerName: z.string().trim().min(1).max(100),
        petitionerIdNumber: optionalText(18),
        petitionerPhone: optionalText(30),
        petitionerAddress: optionalText(200),
        /** An earlier case about the same matter: the new item is a repeat and does not add a unique case (纯件数). */
        duplicateOfCaseNumber: z
          .string()
          .trim()
          .regex(/^(\d{6}-\d{4}-\d{6})?$/)
          .optional()
          .transform((value) => value || null),
      }),
    )
    .mutation(({ ctx, input }) => {
      // A link to an earlier case makes this a repeat petition, whatever the box said.
      const repeatPetition = input.repeatPetition || input.duplicateOfCaseNumber !== null;
      return ctx.run(async (tx) => {
        let duplicateOf: string | null = null;
        if (input.duplicateOfCaseNumber) {
          const [earlier] = await tx
            .select({ id: schema.petitionCases.id })
            .from(schema.petitionCases)
            .where(and(visibleTo(ctx), eq(schema.petitionCases.caseNumber, input.duplicateOfCaseNumber)));
          if (!earlier)
            throw new UserFacingError('BAD_REQUEST', 'cases.error.duplicateNotFound', {
              number: input.duplicateOfCaseNumber,
            });
          duplicateOf = earlier.id;
        }
        const { duplicateOfCaseNumber: _number, ...intake } = input;
        return registerPetition(tx, ctx, {
          ...intake,
          personTimes: input.personTimes ?? input.peopleCount,
          repeatPetition,
          duplicateOf,
        });
      });
    }),

  /** One page, newest first, filtered; personal data masked outside the handling unit. */
  list: roleProcedure(...caseDataRoles)
    .input(listInput)
    .query(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const calendar = await countyCalendar(tx, ctx.actor.countyId);
        const filters = and(visibleTo(ctx), listFilters(input, ctx.now, calendar, ctx.actor.unitCode));
        // The to-do list reads soonest deadline first; every other list newest first.
        const order = input.awaitingMyUnit
          ? [
              sql`${schema.petitionCases.clockDueOn} asc nulls last`,
              desc(schema.petitionCases.receivedAt),
              desc(schema.petitionCases.id),
            ]
          : [desc(schema.petitionCases.receivedAt), desc(schema.petitionCases.id)];
        const [rows, [total]] = await Promise.all([
          tx
            .select()
            .from(schema.petitionCases)
            .where(filters)
            .orderBy(...order)
            .limit(input.pageSize)
            .offset((input.page - 1) * input.pageSize),
          tx.select({ n: count() }).from(schema.petitionCases).where(filters),
        ]);
        return {
          total: total?.n ?? 0,
          page: input.page,
          pageSize: input.pageSize,
          rows: rows.map((row) => ({
            id: row.id,
            caseNumber: row.caseNumber,
            receivedAt: row.receivedAt,
            channel: row.channel,
            category: row.category,
            status: row.status,
            unitCode: row.unitCode,
            assignedUnitCode: row.assignedUnitCode,
            peopleCount: row.peopleCount,
            skipLevel: row.skipLevel,
            flagged: row.flagged,
            dueOn: row.dueOn,
            clock: caseClock(row.state as CaseState, ctx.now, DEFAULT_DEADLINE_RULES, calendar),
            ...personalDataFor(row, ctx.actor),
          })),
        };
      }),
    ),

  /**
   * Every case of a filtered list, for a spreadsheet; audited. Petitioners' personal data is
   * filled only for cases the actor's own unit handles, the summary also where the case is
   * assigned to it: an export made above them carries none (§8).
   */
  exportRows: roleProcedure(...caseDataRoles)
    .input(exportInput)
    .mutation(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const filters = and(
          visibleTo(ctx),
          listFilters(input, ctx.now, await countyCalendar(tx, ctx.actor.countyId), ctx.actor.unitCode),
        );
        const [total] = await tx.select({ n: count() }).from(schema.petitionCases).where(filters);
        if ((total?.n ?? 0) > CASE_EXPORT_LIMIT)
          throw new UserFacingError('BAD_REQUEST', 'error.register.exportTooLarge', {
            limit: CASE_EXPORT_LIMIT,
            rows: total!.n,
          });
        const rows = await tx
          .select()
          .from(schema.petitionCases)
          .where(filters)
          .orderBy(desc(schema.petitionCases.receivedAt), desc(schema.petitionCases.id));
        await auditChange(tx, ctx, {
          action: 'cases.export',
          objectType: 'petition_case',
          objectId: ctx.actor.unitCode,
          detail: { rows: rows.length, filters: input },
        });
        return rows.map((row) => ({
          id: row.id,
          caseNumber: row.caseNumber,
          receivedAt: row.receivedAt,
          channel: row.channel,
          category: row.category,
          status: row.status,
          unitCode: row.unitCode,
          peopleCount: row.peopleCount,
          skipLevel: row.skipLevel,
          repeatPetition: row.repeatPetition,
          flagged: row.flagged,
          dueOn: row.dueOn,
          assignedPerson: row.assignedPerson,
          ...exportedPersonalData(row, ctx.actor),
        }));
      }),
    ),

  /** A case with its full transition history and the actions the actor may take now. */
  get: roleProcedure(...caseDataRoles)
    .input(z.object({ id: z.string().uuid() }))
    .query(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const row = await findCase(tx, ctx, input.id);
        const transitions = await tx
          .select()
          .from(schema.caseTransitions)
          .where(
            and(eq(schema.caseTransitions.countyId, ctx.actor.countyId), eq(schema.caseTransitions.caseId, row.id)),
          )
          .orderBy(schema.caseTransitions.id);
        const calendar = await countyCalendar(tx, ctx.actor.countyId);
        const state = row.state as CaseState;
        const actions = allowedActions(state, workflowActor(ctx));
        // Escalate: every level above the handling unit. Named, as are all units the case
        // mentions: a village reads the names of the units above it (units_read_above).
        const escalateTo = actions.includes('escalate')
          ? ABOVE[state.level].map((level) => ({ code: ancestorAt(state.unitCode, level), level }))
          : [];
        const unitNames = await unitNamesOf(tx, ctx.actor.countyId, [
          row.unitCode,
          row.registeredUnitCode,
          row.assignedUnitCode,
          ...escalateTo.map((unit) => unit.code),
          ...state.escalations.flatMap((step) => [step.fromUnitCode, step.toUnitCode]),
        ]);
        // Personal data goes out only through personalDataFor; the import fingerprint (an unsalted
        // hash of the ledger row, ID number included) and the raw state never go out at all.
        const {
          petitionerName,
          petitionerIdNumber,
          petitionerPhone,
          petitionerAddress,
          summary,
          importFingerprint: _fingerprint,
          state: _state,
          ...rest
        } = row;
        return {
          ...rest,
          ...personalDataFor(row, ctx.actor),
          allowedActions: actions,
          unitNames,
          escalateTargets: escalateTo.map((unit) => ({ ...unit, name: unitNames[unit.code] ?? unit.code })),
          canSetResponsibility:
            isWithin(row.unitCode, ctx.actor.unitCode) && row.status !== 'archived' && row.status !== 'refused',
          revisitRequired: revisitRequired(state),
          // What the workflow state holds beyond the indexed columns, for the detail page.
          refusalReason: state.refusalReason,
          reply: state.reply,
          escalations: state.escalations,
          clock: caseClock(state, ctx.now, DEFAULT_DEADLINE_RULES, calendar),
          transitions: transitions.map((t) => ({
            id: t.id,
            action: t.action,
            fromStatus: t.fromStatus,
            toStatus: t.toStatus,
            actorName: t.actorName,
            at: t.at,
            note: t.note,
          })),
        };
      }),
    ),

  /** Show personal data in full outside the handling unit: allowed in scope, always audited (§8). */
  reveal: roleProcedure(...caseDataRoles)
    .input(z.object({ id: z.string().uuid() }))
    .mutation(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const row = await findCase(tx, ctx, input.id);
        await auditChange(tx, ctx, { action: 'cases.reveal', objectType: 'petition_case', objectId: row.caseNumber });
        return revealedPersonalData(row);
      }),
    ),

  /** One workflow step, checked by the pure state machine; recorded in the append-only log. */
  transition: roleProcedure(...caseDataRoles)
    .input(z.object({ id: z.string().uuid(), version: z.number().int().min(0), action: actionInput }))
    .mutation(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const row = await findCase(tx, ctx, input.id, true);
        if (row.version !== input.version) throw new UserFacingError('CONFLICT', 'error.case.stale');
        const calendar = await countyCalendar(tx, ctx.actor.countyId);
        const result = transition(
          row.state as CaseState,
          input.action as PetitionAction,
          workflowActor(ctx),
          ctx.now,
          calendar,
        );
        if (!result.ok) {
          if (result.error.code === 'outside_jurisdiction' || result.error.code === 'role_not_permitted')
            throw new UserFacingError('FORBIDDEN', 'error.domain', { zh: result.error.zh, en: result.error.en });
          throw domainError(result.error);
        }
        const projection = projectionOf(result.next, row.closedAt, ctx.now, calendar);
        await tx
          .update(schema.petitionCases)
          .set({ ...projection, version: row.version + 1 })
          .where(and(eq(schema.petitionCases.countyId, ctx.actor.countyId), eq(schema.petitionCases.id, row.id)));
        await tx.insert(schema.caseTransitions).values({
          countyId: ctx.actor.countyId,
          caseId: row.id,
          unitCode: projection.unitCode,
          registeredUnitCode: row.registeredUnitCode,
          assignedUnitCode: projection.assignedUnitCode,
          action: result.event.type,
          fromStatus: result.event.from,
          toStatus: result.event.to,
          actorUserId: ctx.actor.userId,
          actorName: ctx.actor.loginName,
          at: ctx.now,
          note: result.event.note,
          detail: { action: result.event.action },
        });
        return { id: row.id, status: result.next.status, version: row.version + 1 };
      }),
    ),

  /**
   * The "六定" responsibility fields and flagged supervision (挂牌督办). Set by the handling
   * unit or any unit above it (a county flags a township's case); version-checked like a
   * transition and audited with before and after. Kept out of the workflow log so that log
   * stays a pure replay of state-machine steps.
   */
  setResponsibility: roleProcedure(...caseDataRoles)
    .input(
      z.object({
        id: z.string().uuid(),
        version: z.number().int().min(0),
        leadLeader: optionalText(60),
        responsibleUnit: optionalText(100),
        responsiblePerson: optionalText(60),
        supervisingUnit: optionalText(100),
        supervisor: optionalText(60),
        deadline: civilDate.nullable().default(null),
        flagged: z.boolean(),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const row = await findCase(tx, ctx, input.id, true);
        if (row.version !== input.version) throw new UserFacingError('CONFLICT', 'error.case.stale');
        if (!isWithin(row.unitCode, ctx.actor.unitCode)) throw forbidden();
        if (row.status === 'archived' || row.status === 'refused')
          throw new UserFacingError('BAD_REQUEST', 'cases.error.closedResponsibility');
        const fields = {
          leadLeader: input.leadLeader,
          responsibleUnit: input.responsibleUnit,
          responsiblePerson: input.responsiblePerson,
          supervisingUnit: input.supervisingUnit,
          supervisor: input.supervisor,
          responsibilityDeadline: input.deadline,
          flagged: input.flagged,
        };
        const before = {
          leadLeader: row.leadLeader,
          responsibleUnit: row.responsibleUnit,
          responsiblePerson: row.responsiblePerson,
          supervisingUnit: row.supervisingUnit,
          supervisor: row.supervisor,
          responsibilityDeadline: row.responsibilityDeadline,
          flagged: row.flagged,
        };
        await tx
          .update(schema.petitionCases)
          .set({ ...fields, version: row.version + 1, updatedAt: ctx.now })
          .where(and(eq(schema.petitionCases.countyId, ctx.actor.countyId), eq(schema.petitionCases.id, row.id)));
        await auditChange(tx, ctx, {
          action: 'cases.setResponsibility',
          objectType: 'petition_case',
          objectId: row.caseNumber,
          detail: { before, after: fields },
        });
        return { id: row.id, version: row.version + 1 };
      }),
    ),

  /** Published figures (docs/domain.md §3) for one unit in the actor's scope and a period of at most about three years. */
  figures: roleProcedure(...caseDataRoles)
    .input(boundedPeriod(z.object({ unitCode: unitCodeInput, from: civilDate, to: civilDate })))
    .query(({ ctx, input }) =>
      ctx.run(async (tx) => {
        if (!isWithin(input.unitCode, ctx.actor.unitCode)) throw notFound();
        const [unit] = await tx
          .select({ code: schema.units.code, name: schema.units.name, level: schema.units.level })
          .from(schema.units)
          .where(and(eq(schema.units.countyId, ctx.actor.countyId), eq(schema.units.code, input.unitCode)));
        if (!unit) throw notFound();
        const figures = await unitFigures(tx, ctx.actor.countyId, unit, { from: input.from, to: input.to });
        return { unit, period: { from: input.from, to: input.to }, figures };
      }),
    ),

  /**
   * A notice for every overdue case in scope, most overdue first, to print as one batch.
   * Bounded: a supervising unit with more than this many overdue cases prints by township.
   */
  overdueNotices: roleProcedure(...caseDataRoles)
    .input(z.object({ unitCode: unitCodeInput.optional() }).default({}))
    .query(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const calendar = await countyCalendar(tx, ctx.actor.countyId);
        const within = input.unitCode ? listScope(ctx.actor, input.unitCode) : ctx.actor.scope;
        const rows = await tx
          .select()
          .from(schema.petitionCases)
          .where(
            and(
              visibleTo(ctx),
              inScope(schema.petitionCases.unitCode, within),
              sql`${schema.petitionCases.clockDueOn} < ${shanghaiDate(ctx.now)}`,
            ),
          )
          .orderBy(schema.petitionCases.clockDueOn, schema.petitionCases.caseNumber)
          .limit(NOTICE_BATCH_LIMIT + 1);
        const notices = [];
        for (const row of rows.slice(0, NOTICE_BATCH_LIMIT))
          notices.push(await noticeFor(tx, ctx.actor, row, ctx.now, calendar));
        return { notices, more: rows.length > NOTICE_BATCH_LIMIT };
      }),
    ),

  /** The supervision notice (督办通知书) of an overdue case; refused, in words, for one that is not overdue. */
  notice: roleProcedure(...caseDataRoles)
    .input(z.object({ id: z.string().uuid() }))
    .query(({ ctx, input }) =>
      ctx.run(async (tx) => {
        const row = await findCase(tx, ctx, input.id);
        return noticeFor(tx, ctx.actor, row, ctx.now, await countyCalendar(tx, ctx.actor.countyId));
      }),
    ),
});
