import { whoAmI } from '../auth/who-am-i.ts';
import { authedProcedure, router } from '../trpc.ts';

export const sessionRouter = router({
  /** Who am I: the home page header and the navigation the role may use. */
  me: authedProcedure.query(({ ctx }) => ctx.run((tx) => whoAmI(tx, ctx))),
});
