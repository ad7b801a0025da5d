-- Bidding: registrations with virtual deposit accounts, bank notices, refunds owed, and bids.

alter table enterprise add column barred_until timestamptz;

alter table listing
    add column countdown_deadline  timestamptz,
    add column highest_bid_fen     bigint,
    add column bid_count           integer not null default 0,
    add column winning_bid_id      bigint,
    add column closed_at           timestamptz;

create sequence registration_seq start with 1000 increment by 50;

create table registration (
    id                    bigint       primary key,
    listing_id            bigint       not null references listing (id),
    enterprise_code       varchar(18)  not null references enterprise (credit_code),
    virtual_account       varchar(24)  not null unique,
    deposit_fen           bigint       not null check (deposit_fen > 0),
    deposit_deadline      timestamptz  not null,
    deposit_received_fen  bigint       not null default 0 check (deposit_received_fen >= 0),
    status                varchar(20)  not null check (status in ('AWAITING_DEPOSIT', 'QUALIFIED')),
    bidder_no             varchar(12),
    qualified_at          timestamptz,
    registered_at         timestamptz  not null,
    unique (listing_id, enterprise_code),
    unique (listing_id, bidder_no),
    constraint registration_qualified check ((status = 'QUALIFIED') = (bidder_no is not null))
);
create index registration_enterprise_idx on registration (enterprise_code);

create table bank_notice (
    transaction_id        varchar(64)  primary key,
    body_sha256           varchar(64)  not null,
    kind                  varchar(10)  not null check (kind in ('CREDIT', 'DEBIT')),
    account               varchar(34)  not null,
    amount_fen            bigint       not null check (amount_fen > 0),
    counterparty_name     varchar(200) not null,
    counterparty_account  varchar(34)  not null,
    booked_at             timestamptz  not null,
    reference             varchar(100),
    received_at           timestamptz  not null,
    source                varchar(10)  not null check (source in ('FEED', 'MANUAL')),
    entered_by            varchar(150),
    registration_id       bigint       references registration (id),
    outcome               varchar(30)  not null,
    response              jsonb        not null
);
create index bank_notice_registration_idx on bank_notice (registration_id);

create sequence refund_seq start with 1000 increment by 50;

create table refund (
    id                    bigint       primary key,
    credit_transaction_id varchar(64)  references bank_notice (transaction_id),
    registration_id       bigint       references registration (id),
    amount_fen            bigint       not null check (amount_fen > 0),
    payee_name            varchar(200) not null,
    payee_account         varchar(34)  not null,
    reason                varchar(30)  not null,
    created_at            timestamptz  not null,
    due_by                timestamptz  not null,
    debit_transaction_id  varchar(64)  references bank_notice (transaction_id),
    confirmed_at          timestamptz
);
create index refund_open_idx on refund (due_by) where confirmed_at is null;

create sequence bid_seq start with 1000 increment by 1;

create table bid (
    id                    bigint       primary key,
    listing_id            bigint       not null references listing (id),
    seq                   integer      not null,
    registration_id       bigint       not null references registration (id),
    bidder_no             varchar(12)  not null,
    amount_fen            bigint       not null check (amount_fen > 0),
    accepted_at           timestamptz  not null,
    phase                 varchar(20)  not null check (phase in ('LISTING', 'TIMED_BIDDING')),
    deadline              timestamptz  not null,
    idempotency_key       varchar(100) not null,
    unique (listing_id, seq),
    unique (registration_id, idempotency_key)
);
create index bid_listing_amount_idx on bid (listing_id, amount_fen desc);

create index listing_end_due_idx on listing (listing_end) where status = 'LISTING';
create index listing_countdown_due_idx on listing (countdown_deadline) where status = 'TIMED_BIDDING';
