import { sql, type SQL } from 'drizzle-orm';

/**
 * A weighted choice among literal codes by a draw in [0, 1): `case when u < 0.62 then 0 …`.
 * The codes are the generator's own constants (register vocabularies), never outside input.
 */
export function weighted(draw: SQL, choices: ReadonlyArray<readonly [string | number, number]>): SQL {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let cumulative = 0;
  const branches = choices.slice(0, -1).map(([value, weight]) => {
    cumulative += weight;
    return sql`when ${draw} < ${sql.raw(String(cumulative / total))} then ${literal(value)}`;
  });
  return sql`(case ${sql.join(branches, sql` `)} else ${literal(choices[choices.length - 1]![0])} end)`;
}

function literal(value: string | number): SQL {
  return typeof value === 'number' ? sql.raw(String(value)) : sql.raw(`'${value.replace(/'/g, "''")}'`);
}

/** The i-th draw (0–3) of a row from its md5 hash column `h`. */
export function draw(h: SQL, i: 0 | 1 | 2 | 3): SQL {
  return sql`pg_temp.u01(${h}, ${sql.raw(String(1 + 8 * i))})`;
}

/** An instant at a time of day on a date column, in Asia/Shanghai. */
export function shanghaiAt(day: SQL, time: string): SQL {
  return sql`((${day} + time '${sql.raw(time)}') at time zone 'Asia/Shanghai')`;
}
