ALTER TABLE "providers" ADD COLUMN "search_cities" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "providers" ADD COLUMN "registered" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "providers" p SET "search_cities" = coalesce((SELECT string_agg(DISTINCT lower(a."city"), ' ') FROM "provider_addresses" a WHERE a."provider_id" = p."id"), '');--> statement-breakpoint
UPDATE "providers" p SET "registered" = true WHERE EXISTS (SELECT 1 FROM "provider_memberships" m WHERE m."provider_id" = p."id" AND m."role" = 'admin' AND m."status" = 'active');--> statement-breakpoint
-- providers.registered follows the memberships: true while the provider has an active administrator.
CREATE FUNCTION "sync_provider_registered"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE "providers" SET "registered" = EXISTS (
      SELECT 1 FROM "provider_memberships" m WHERE m."provider_id" = OLD."provider_id" AND m."role" = 'admin' AND m."status" = 'active'
    ) WHERE "id" = OLD."provider_id";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE "providers" SET "registered" = EXISTS (
      SELECT 1 FROM "provider_memberships" m WHERE m."provider_id" = NEW."provider_id" AND m."role" = 'admin' AND m."status" = 'active'
    ) WHERE "id" = NEW."provider_id";
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "provider_memberships_sync_registered" AFTER INSERT OR UPDATE OF "role", "status", "provider_id" OR DELETE ON "provider_memberships"
  FOR EACH ROW EXECUTE FUNCTION "sync_provider_registered"();--> statement-breakpoint
CREATE INDEX "providers_registered_name_trgm_idx" ON "providers" USING gin ("search_name" gin_trgm_ops) WHERE "providers"."registered";--> statement-breakpoint
CREATE INDEX "providers_registered_cities_trgm_idx" ON "providers" USING gin ("search_cities" gin_trgm_ops) WHERE "providers"."registered";--> statement-breakpoint
CREATE INDEX "providers_registered_npi_idx" ON "providers" USING btree ("npi" bpchar_pattern_ops) WHERE "providers"."registered";
