ALTER TABLE "sessions" ADD COLUMN "removed_provider_id" uuid;--> statement-breakpoint
ALTER TABLE "provider_memberships" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
-- Memberships revoked before this column existed: their last change was the revocation or later, the best date there is.
UPDATE "provider_memberships" SET "revoked_at" = "updated_at" WHERE "status" = 'revoked';
