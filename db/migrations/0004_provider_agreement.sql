CREATE TABLE "pending_associations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pending_associations" ADD CONSTRAINT "pending_associations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_associations" ADD CONSTRAINT "pending_associations_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pending_associations_user_key" ON "pending_associations" USING btree ("user_id");--> statement-breakpoint
-- The Provider Agreement people accept in step 2 of Associate Provider and Link Account (version 1).
INSERT INTO "provider_agreements" ("version", "title", "body") VALUES (1, 'Provider Agreement', $agreement$By accepting this Provider Agreement you confirm that you act for the provider you named in step 1, and you agree to the following terms for your use of the Provider Portal on that provider's behalf.

1. Authority. You are the provider, or you are employed by or under contract with the provider, and you are authorized to view and submit information for it. If you become the provider's Administrator, you are responsible for deciding who else may act for the provider in the Provider Portal and for removing their access when they no longer need it.

2. Permitted use. You will use the Provider Portal only to conduct business with the health plan for the provider's members: checking eligibility and benefits, submitting and viewing claims, viewing remittance advice, requesting authorizations, exchanging Message Box messages and completing enrollment applications.

3. Protected health information. Information in the Provider Portal includes protected health information under HIPAA. You will access only the minimum necessary for the business purpose, keep it confidential, and not disclose it except as the law and your agreement with the health plan allow.

4. Your account. Your sign-in, password and multifactor authentication are for you alone. You will not share them, and you will tell the health plan at once if you believe someone else has used your account. Everything done with your account is recorded and attributed to you.

5. Accuracy. Information you submit will be true, accurate and complete to the best of your knowledge. Submitting false information may be a violation of state and federal law.

6. Monitoring and suspension. The health plan records activity in the Provider Portal and may suspend or end your access at any time if these terms are not followed or to protect members' information.

7. Changes. The health plan may update this agreement. When it does, you will be asked to accept the new version before you continue to act for the provider.$agreement$) ON CONFLICT ("version") DO NOTHING;
