CREATE TABLE "counties" (
	"county_id" integer PRIMARY KEY NOT NULL,
	"code" char(6) NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "counties_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "counties" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "units" (
	"county_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(12) NOT NULL,
	"level" text NOT NULL,
	"parent_code" varchar(12),
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "units_county_code_key" UNIQUE("county_id","code")
);
--> statement-breakpoint
ALTER TABLE "units" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "users" (
	"county_id" integer NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"login_name" text NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"unit_code" varchar(12) NOT NULL,
	"password_hash" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_county_id_id_pk" PRIMARY KEY("county_id","id"),
	CONSTRAINT "users_county_login_key" UNIQUE("county_id","login_name")
);
--> statement-breakpoint
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "sessions" (
	"county_id" integer NOT NULL,
	"id" text NOT NULL,
	"user_id" uuid NOT NULL,
	"secret_hash" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_used_at" timestamp with time zone NOT NULL,
	"ip" text,
	CONSTRAINT "sessions_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
ALTER TABLE "sessions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "audit_log" (
	"county_id" integer NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" uuid,
	"actor_login" text,
	"actor_role" text,
	"action" text NOT NULL,
	"object_type" text,
	"object_id" text,
	"result" text NOT NULL,
	"ip" text,
	"detail" jsonb,
	CONSTRAINT "audit_log_county_id_id_pk" PRIMARY KEY("county_id","id")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "account_directory" (
	"login_name" text PRIMARY KEY NOT NULL,
	"county_id" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_county_id_counties_county_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("county_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_county_id_parent_code_units_county_id_code_fk" FOREIGN KEY ("county_id","parent_code") REFERENCES "public"."units"("county_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_county_id_unit_code_units_county_id_code_fk" FOREIGN KEY ("county_id","unit_code") REFERENCES "public"."units"("county_id","code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_county_id_user_id_users_county_id_id_fk" FOREIGN KEY ("county_id","user_id") REFERENCES "public"."users"("county_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "units_code_prefix_idx" ON "units" USING btree ("county_id","code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("county_id","user_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("county_id","at");--> statement-breakpoint
CREATE POLICY "counties_read" ON "counties" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("counties"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int));--> statement-breakpoint
CREATE POLICY "units_read" ON "units" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("units"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and "units"."code" like (select nullif(current_setting('app.scope', true), '')) || '%');--> statement-breakpoint
CREATE POLICY "units_insert" ON "units" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("units"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and "units"."code" like (select nullif(current_setting('app.scope', true), '')) || '%' and (select nullif(current_setting('app.role', true), '')) in ('county_admin'));--> statement-breakpoint
CREATE POLICY "units_update" ON "units" AS PERMISSIVE FOR UPDATE TO "tally_app" USING ("units"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and "units"."code" like (select nullif(current_setting('app.scope', true), '')) || '%' and (select nullif(current_setting('app.role', true), '')) in ('county_admin')) WITH CHECK ("units"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and "units"."code" like (select nullif(current_setting('app.scope', true), '')) || '%' and (select nullif(current_setting('app.role', true), '')) in ('county_admin'));--> statement-breakpoint
CREATE POLICY "users_read" ON "users" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("users"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and ("users"."id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or "users"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%'));--> statement-breakpoint
CREATE POLICY "users_sign_in" ON "users" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("users"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and "users"."login_name" = (select nullif(current_setting('app.login_name', true), '')));--> statement-breakpoint
CREATE POLICY "users_sign_in_update" ON "users" AS PERMISSIVE FOR UPDATE TO "tally_app" USING ("users"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and "users"."login_name" = (select nullif(current_setting('app.login_name', true), ''))) WITH CHECK ("users"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and "users"."login_name" = (select nullif(current_setting('app.login_name', true), '')));--> statement-breakpoint
CREATE POLICY "users_insert" ON "users" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("users"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and "users"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%' and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'security_admin'));--> statement-breakpoint
CREATE POLICY "users_update" ON "users" AS PERMISSIVE FOR UPDATE TO "tally_app" USING ("users"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and ("users"."id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or ("users"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%' and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'security_admin')))) WITH CHECK ("users"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and ("users"."id" = (select nullif(current_setting('app.user_id', true), '')::uuid) or ("users"."unit_code" like (select nullif(current_setting('app.scope', true), '')) || '%' and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'security_admin'))));--> statement-breakpoint
CREATE POLICY "sessions_own" ON "sessions" AS PERMISSIVE FOR ALL TO "tally_app" USING ("sessions"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and "sessions"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid)) WITH CHECK ("sessions"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and "sessions"."user_id" = (select nullif(current_setting('app.user_id', true), '')::uuid));--> statement-breakpoint
CREATE POLICY "sessions_presented" ON "sessions" AS PERMISSIVE FOR ALL TO "tally_app" USING ("sessions"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and "sessions"."id" = (select nullif(current_setting('app.session_id', true), ''))) WITH CHECK ("sessions"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and "sessions"."id" = (select nullif(current_setting('app.session_id', true), '')));--> statement-breakpoint
CREATE POLICY "sessions_admin_read" ON "sessions" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("sessions"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'security_admin'));--> statement-breakpoint
CREATE POLICY "sessions_admin_revoke" ON "sessions" AS PERMISSIVE FOR DELETE TO "tally_app" USING ("sessions"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('county_admin', 'security_admin'));--> statement-breakpoint
CREATE POLICY "audit_log_append" ON "audit_log" AS PERMISSIVE FOR INSERT TO "tally_app" WITH CHECK ("audit_log"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int));--> statement-breakpoint
CREATE POLICY "audit_log_read" ON "audit_log" AS PERMISSIVE FOR SELECT TO "tally_app" USING ("audit_log"."county_id" = (select nullif(current_setting('app.county_id', true), '')::int) and (select nullif(current_setting('app.role', true), '')) in ('auditor'));