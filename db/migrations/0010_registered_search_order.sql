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
-- The registered providers whose name after its first character, or whose cities, match a LIKE
-- pattern, from the two trigram indexes. The planner, unable to estimate a substring's rarity,
-- would otherwise read the covering order index to its end (100 ms at 500,000 registered) when the
-- trigram indexes answer in a few; index scans are switched off inside this function only.
CREATE FUNCTION "registered_providers_matching_later"("pattern" text) RETURNS TABLE ("id" uuid, "search_name" text, "npi" char(10))
  LANGUAGE sql STABLE
  SET enable_indexscan = off
  SET enable_indexonlyscan = off
AS $$
  SELECT p."id", p."search_name", p."npi" FROM "providers" p
  WHERE p."registered" AND (substr(p."search_name", 2) LIKE "pattern" OR p."search_cities" LIKE "pattern")
$$;
