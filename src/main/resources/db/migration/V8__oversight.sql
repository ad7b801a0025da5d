-- Regulator oversight and public results: where each registration and bid came from (the client's
-- network address, for the collusion signal "same client address for different bidders"), and
-- indexes for the audit searches, the collusion signals and the published results.

alter table registration add column client_address varchar(64);
alter table bid add column client_address varchar(64);

-- Public results and searches by the time of the close, newest first.
create index listing_closed_idx on listing (closed_at desc, id desc) where closed_at is not null;

-- Trades by buyer (search by enterprise credit code).
create index trade_buyer_idx on trade (buyer_code);

-- Deposits paid for registrations, by payer account.
create index bank_notice_payer_idx on bank_notice (counterparty_account)
    where kind = 'CREDIT' and registration_id is not null;
