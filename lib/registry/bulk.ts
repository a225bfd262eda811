import type { ImportSession } from "./session";

/**
 * PostgreSQL's advice for populating a table ("Populating a Database" in its manual): build the
 * indexes and check the foreign keys once, after the rows are in, instead of row by row. The
 * import does this only for a first load into an empty registry: dropping an index locks the
 * table until the import commits, which no one notices while the registry is still empty.
 *
 * The definitions are read from the catalog and replayed as they were, so the migrations stay the
 * only place indexes are declared. All of
 * it runs in the import's transaction: a failed import leaves every index as it was.
 */
export async function withIndexesBuiltAfter<T>(session: ImportSession, tables: readonly string[], fn: () => Promise<T>): Promise<T> {
  const list = `array[${tables.map((t) => `'${t}'::regclass`).join(", ")}]`;
  const indexes = await session.query<{ drop: string; create: string }>(
    `select format('drop index %I.%I', n.nspname, i.relname) as drop, pg_get_indexdef(x.indexrelid) as create
       from pg_index x join pg_class i on i.oid = x.indexrelid join pg_namespace n on n.oid = i.relnamespace
      where x.indrelid = any (${list})
        and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid and c.conrelid = x.indrelid)`,
  );
  const constraint = (where: string) =>
    session.query<{ drop: string; create: string }>(
      `select format('alter table %s drop constraint %I', conrelid::regclass, conname) as drop,
              format('alter table %s add constraint %I %s', conrelid::regclass, conname, pg_get_constraintdef(oid)) as create
         from pg_constraint where ${where}`,
    );
  // Foreign keys into these tables go too (the primary keys they need are rebuilt); with the
  // registry empty, the tables they sit on are empty as well, so putting them back checks nothing.
  const foreignKeys = await constraint(`contype = 'f' and (conrelid = any (${list}) or confrelid = any (${list}))`);
  const keys = await constraint(`contype in ('p', 'u', 'x') and conrelid = any (${list})`);
  for (const { drop } of [...foreignKeys, ...keys, ...indexes]) await session.query(drop);
  const result = await fn();
  for (const { create } of [...indexes, ...keys, ...foreignKeys]) await session.query(create);
  return result;
}
