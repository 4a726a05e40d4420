-- The CRM tables the "Donation → CRM" example workflow (donation-to-crm.json) writes to.
-- Run once against your database, e.g.  psql "postgres://user@host/crm" -f crm-schema.sql
-- Safe to run again: nothing is created twice.

-- One row per person who gave. A donor with an e-mail address is one row across all providers
-- (the address is stored in lower case, so case does not split a donor). A donor without one is
-- one row per provider and reference (Doneer Meer's donation-link reference, Donary's donor
-- number, OnlineFundraising's contact GUID…).
CREATE TABLE IF NOT EXISTS donors (
	id          bigserial PRIMARY KEY,
	email       text UNIQUE,
	provider    text NOT NULL,
	reference   text,
	first_name  text,
	last_name   text,
	name        text,
	phone       text,
	created_at  timestamptz NOT NULL DEFAULT now(),
	updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS donors_by_reference ON donors (provider, reference) WHERE email IS NULL;

-- One row per gift: donation.id (e.g. fonzip:donation:5501) is the same for a payment and its
-- later refund, so the refund updates this row's status instead of adding one.
CREATE TABLE IF NOT EXISTS gifts (
	id             text PRIMARY KEY,
	provider       text NOT NULL,
	type           text NOT NULL,
	status         text NOT NULL,
	amount         numeric,
	currency       char(3),
	recurring      boolean,
	occurred_at    timestamptz,
	donor_id       bigint REFERENCES donors (id),
	campaign_id    text,
	campaign_name  text,
	last_key       text NOT NULL,
	created_at     timestamptz NOT NULL DEFAULT now(),
	updated_at     timestamptz NOT NULL DEFAULT now()
);

-- Every event applied, by its idempotency key (donation.key): an event delivered again finds its
-- key here and changes nothing. Also the history of each gift: its events, statuses and times.
CREATE TABLE IF NOT EXISTS applied_keys (
	key          text PRIMARY KEY,
	gift_id      text NOT NULL,
	type         text NOT NULL,
	status       text NOT NULL,
	occurred_at  timestamptz,
	applied_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS applied_keys_by_gift ON applied_keys (gift_id);
