-- The Request Access search (lib/requests/directory.ts) answers each keystroke from indexes that
-- hold registered providers in result order, so no query sorts more than its few rare matches:
-- registered providers in name order (bytewise, the same in every deployment), carrying what the
-- match reads, for the first pass and for names that start with the query;
CREATE INDEX "providers_registered_order_idx" ON "providers" USING btree ("search_name" COLLATE "C","npi","id") INCLUDE ("search_cities") WHERE "providers"."registered";--> statement-breakpoint
-- and the query inside a name after its first character, beside providers_registered_cities_trgm_idx,
-- for the rest. The whole-name trigram index is no longer read.
CREATE INDEX "providers_registered_name_tail_trgm_idx" ON "providers" USING gin (substr("search_name", 2) gin_trgm_ops) WHERE "providers"."registered";--> statement-breakpoint
DROP INDEX "providers_registered_name_trgm_idx";
--> statement-breakpoint
-- Two-character queries have no trigram: the distinct pairs of characters of the name after its
-- first character and of the cities, in a GIN index, find their rare matches exactly.
CREATE FUNCTION "search_bigrams"("s" text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT coalesce(array_agg(DISTINCT substr("s", i, 2)), '{}') FROM generate_series(1, length("s") - 1) i $$;--> statement-breakpoint
CREATE INDEX "providers_registered_tail_bigrams_idx" ON "providers" USING gin ((search_bigrams(substr("search_name", 2)) || search_bigrams("search_cities"))) WHERE "providers"."registered";--> statement-breakpoint
-- Up to "cap" registered providers whose name after its first character, or whose cities, contain
-- the query, from the trigram indexes (3 characters or more) or the pairs index (2 characters).
-- Index and sequential scans are switched off inside these functions only: the planner, unable to
-- estimate a substring's rarity, would read the covering order index to its end instead.
CREATE FUNCTION "registered_providers_containing_later"("pattern" text, "cap" integer) RETURNS TABLE ("id" uuid, "search_name" text, "npi" char(10))
  LANGUAGE sql STABLE
  SET enable_indexscan = off
  SET enable_indexonlyscan = off
  SET enable_seqscan = off
AS $$
  SELECT p."id", p."search_name", p."npi" FROM "providers" p
  WHERE p."registered" AND (substr(p."search_name", 2) LIKE "pattern" OR p."search_cities" LIKE "pattern")
  LIMIT "cap"
$$;--> statement-breakpoint
CREATE FUNCTION "registered_providers_containing_pair_later"("pair" text, "cap" integer) RETURNS TABLE ("id" uuid, "search_name" text, "npi" char(10))
  LANGUAGE sql STABLE
  SET enable_indexscan = off
  SET enable_indexonlyscan = off
  SET enable_seqscan = off
AS $$
  SELECT p."id", p."search_name", p."npi" FROM "providers" p
  WHERE p."registered" AND search_bigrams(substr(p."search_name", 2)) || search_bigrams(p."search_cities") @> ARRAY["pair"]
  LIMIT "cap"
$$;
--> statement-breakpoint
-- The first "lim" of them in result order, read from the order index in order (for a query with
-- many such matches): the planner would otherwise fetch and sort them all when it guesses few.
CREATE FUNCTION "registered_providers_containing_later_in_order"("pattern" text, "lim" integer) RETURNS TABLE ("id" uuid, "search_name" text, "npi" char(10))
  LANGUAGE sql STABLE
  SET enable_bitmapscan = off
  SET enable_seqscan = off
  SET enable_sort = off
AS $$
  SELECT p."id", p."search_name", p."npi" FROM "providers" p
  WHERE p."registered" AND (substr(p."search_name", 2) LIKE "pattern" OR p."search_cities" LIKE "pattern")
  ORDER BY p."search_name" COLLATE "C", p."npi", p."id"
  LIMIT "lim"
$$;
--> statement-breakpoint
-- The dispatcher takes the oldest due rows: in order from this index, not by sorting a backlog
-- (after the cron denies 100,000 requests, 100,000 emails wait; each run takes 25).
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("created_at") WHERE "outbox"."status" in ('pending', 'sending');
