CREATE TABLE "sign_in_failures" (
	"source_key" text PRIMARY KEY NOT NULL,
	"failures" timestamp with time zone[] NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL
);
