CREATE TYPE "public"."address_type" AS ENUM('remit', 'practice');--> statement-breakpoint
CREATE TYPE "public"."program" AS ENUM('medicaid', 'medicare', 'both');--> statement-breakpoint
CREATE TYPE "public"."provider_type" AS ENUM('practitioner', 'group');--> statement-breakpoint
CREATE TYPE "public"."outbox_channel" AS ENUM('email', 'sms');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('pending', 'sending', 'sent', 'failed');--> statement-breakpoint
CREATE TABLE "provider_addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"address_type" "address_type" NOT NULL,
	"line1" text NOT NULL,
	"city" text NOT NULL,
	"state" char(2) NOT NULL,
	"zip5" char(5) NOT NULL,
	"zip4" char(4),
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_number" text NOT NULL,
	"npi" char(10) NOT NULL,
	"provider_type" "provider_type" NOT NULL,
	"first_name" text,
	"last_name" text,
	"group_name" text,
	"tax_id" char(9) NOT NULL,
	"group_provider_number" text,
	"program" "program" NOT NULL,
	"search_name" text NOT NULL,
	"fingerprint" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"channel" "outbox_channel" NOT NULL,
	"recipient" text NOT NULL,
	"subject" text,
	"body_text" text NOT NULL,
	"body_html" text,
	"template" text NOT NULL,
	"status" "outbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action" text NOT NULL,
	"actor_user_id" uuid,
	"subject_user_id" uuid,
	"provider_id" uuid,
	"ip" text,
	"user_agent" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"bucket" text NOT NULL,
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limits_bucket_key_window_start_pk" PRIMARY KEY("bucket","key","window_start")
);
--> statement-breakpoint
ALTER TABLE "provider_addresses" ADD CONSTRAINT "provider_addresses_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provider_addresses_provider_idx" ON "provider_addresses" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "provider_addresses_city_trgm_idx" ON "provider_addresses" USING gin (lower("city") gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "providers_provider_number_key" ON "providers" USING btree ("provider_number");--> statement-breakpoint
CREATE INDEX "providers_npi_idx" ON "providers" USING btree ("npi");--> statement-breakpoint
CREATE INDEX "providers_tax_id_idx" ON "providers" USING btree ("tax_id");--> statement-breakpoint
CREATE INDEX "providers_group_provider_number_idx" ON "providers" USING btree ("group_provider_number");--> statement-breakpoint
CREATE INDEX "providers_search_name_trgm_idx" ON "providers" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_recipient_idx" ON "outbox" USING btree ("recipient","created_at");--> statement-breakpoint
CREATE INDEX "audit_events_provider_idx" ON "audit_events" USING btree ("provider_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_user_id","created_at");