-- The secret key of the collusion signals' value tokens. A signal names the value that bidders
-- share (a payer account, a contact person, phone or legal representative, a client address) only
-- by a keyed token, hex HMAC-SHA256(key, kind ‖ value), so that a regulator sees which bidder
-- numbers share a value without learning the value: joined to the enterprise list it would name
-- the bidders without a logged reveal. The key is made here, once, from the server's strong random
-- source (gen_random_uuid, PostgreSQL 13+), so every instance tokenises alike; it never leaves the
-- database and the service.

create table oversight_signal_key (
    id smallint primary key check (id = 1),
    secret bytea not null check (length(secret) = 32),
    created_at timestamptz not null default now()
);

insert into oversight_signal_key (id, secret)
values (1, decode(replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''), 'hex'));
