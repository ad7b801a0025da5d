-- Settlement: an append-only double-entry ledger for money (fen) and quantities (m², kg), trades
-- with their confirmations, and the certificate columns that record what has been transferred.

create table ledger_account (
    id           varchar(100) primary key,
    ledger       varchar(12)  not null check (ledger in ('CNY_FEN', 'AREA_M2', 'PADDY_M2', 'GRAIN_KG')),
    normal_side  varchar(6)   not null check (normal_side in ('DEBIT', 'CREDIT')),
    created_at   timestamptz  not null
);

create table ledger_transfer (
    id              varchar(160) primary key,
    ledger          varchar(12)  not null,
    debit_account   varchar(100) not null references ledger_account (id),
    credit_account  varchar(100) not null references ledger_account (id),
    amount          bigint       not null check (amount > 0),
    kind            varchar(30)  not null,
    phase           varchar(8)   not null check (phase in ('PENDING', 'POSTED', 'VOIDED')),
    pending_id      varchar(160) unique references ledger_transfer (id),
    reference       varchar(200),
    created_at      timestamptz  not null,
    constraint ledger_transfer_two_sides check (debit_account <> credit_account),
    constraint ledger_transfer_resolution check (phase <> 'VOIDED' or pending_id is not null)
);
create index ledger_transfer_debit_idx on ledger_transfer (debit_account);
create index ledger_transfer_credit_idx on ledger_transfer (credit_account);

create function ledger_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'ledger rows are append-only: % on % refused', tg_op, tg_table_name;
end;
$$;

create trigger ledger_account_append_only before update or delete on ledger_account
    for each row execute function ledger_append_only();
create trigger ledger_transfer_append_only before update or delete on ledger_transfer
    for each row execute function ledger_append_only();
create trigger ledger_account_no_truncate before truncate on ledger_account
    for each statement execute function ledger_append_only();
create trigger ledger_transfer_no_truncate before truncate on ledger_transfer
    for each statement execute function ledger_append_only();

alter table certificate
    add column transferred_area_m2            bigint not null default 0,
    add column transferred_paddy_area_m2      bigint not null default 0,
    add column transferred_grain_capacity_kg  bigint not null default 0,
    add constraint certificate_transferred check (transferred_area_m2 >= 0
        and frozen_area_m2 + transferred_area_m2 <= area_m2
        and transferred_paddy_area_m2 >= 0 and transferred_grain_capacity_kg >= 0);

create sequence trade_seq start with 900000000000 increment by 1;

create table trade (
    id                     bigint       primary key,
    listing_id             bigint       not null unique references listing (id),
    registration_id        bigint       not null references registration (id),
    seller_code            varchar(9)   not null,
    buyer_code             varchar(18)  not null references enterprise (credit_code),
    certificate_id         bigint       not null references certificate (id),
    lot_area_m2            bigint       not null,
    lot_paddy_area_m2      bigint,
    lot_grain_capacity_kg  bigint,
    price_fen              bigint       not null check (price_fen > 0),
    deposit_fen            bigint       not null check (deposit_fen >= 0),
    paid_fen               bigint       not null default 0 check (paid_fen >= 0),
    virtual_account        varchar(24)  not null unique,
    confirmation_text      text         not null,
    confirmation_sha256    varchar(64)  not null,
    confirm_deadline       timestamptz  not null,
    seller_confirmed_at    timestamptz,
    buyer_confirmed_at     timestamptz,
    first_due_fen          bigint,
    first_due_at           timestamptz,
    balance_due_at         timestamptz,
    status                 varchar(25)  not null check (status in
        ('AWAITING_CONFIRMATION', 'AWAITING_PAYMENT', 'SETTLED', 'DEFAULTED')),
    status_reason          varchar(300),
    child_certificate_id   bigint       references certificate (id),
    created_at             timestamptz  not null,
    settled_at             timestamptz,
    defaulted_at           timestamptz,
    version                bigint       not null default 0,
    constraint trade_paid check (deposit_fen + paid_fen <= price_fen)
);
create index trade_open_idx on trade (status) where status in ('AWAITING_CONFIRMATION', 'AWAITING_PAYMENT');

-- Opening balances for what existed before the ledger: issued certificates, frozen lots, deposits held.
-- (Refunds still open at migration time have no REFUND account; their paying debit is booked from SUSPENSE.)
insert into ledger_account (id, ledger, normal_side, created_at) values
    ('QUOTA:ISSUED:AREA_M2', 'AREA_M2', 'DEBIT', now()),
    ('QUOTA:ISSUED:PADDY_M2', 'PADDY_M2', 'DEBIT', now()),
    ('QUOTA:ISSUED:GRAIN_KG', 'GRAIN_KG', 'DEBIT', now()),
    ('BANK', 'CNY_FEN', 'DEBIT', now()),
    ('SUSPENSE', 'CNY_FEN', 'DEBIT', now()),
    ('FORFEITED', 'CNY_FEN', 'CREDIT', now());
insert into ledger_account (id, ledger, normal_side, created_at)
    select 'CERT:' || id || ':AREA_M2', 'AREA_M2', 'CREDIT', now() from certificate
    union all select 'CERT:' || id || ':FROZEN:AREA_M2', 'AREA_M2', 'CREDIT', now() from certificate
    union all select 'CERT:' || id || ':PADDY_M2', 'PADDY_M2', 'CREDIT', now() from certificate where paddy_area_m2 > 0
    union all select 'CERT:' || id || ':FROZEN:PADDY_M2', 'PADDY_M2', 'CREDIT', now() from certificate where paddy_area_m2 > 0
    union all select 'CERT:' || id || ':GRAIN_KG', 'GRAIN_KG', 'CREDIT', now() from certificate where grain_capacity_kg > 0
    union all select 'CERT:' || id || ':FROZEN:GRAIN_KG', 'GRAIN_KG', 'CREDIT', now() from certificate where grain_capacity_kg > 0
    union all select 'DEPOSIT:' || id, 'CNY_FEN', 'CREDIT', now() from registration where deposit_received_fen > 0;
insert into ledger_transfer (id, ledger, debit_account, credit_account, amount, kind, phase, reference, created_at)
    select 'cert:' || id || ':issue:AREA_M2', 'AREA_M2', 'QUOTA:ISSUED:AREA_M2', 'CERT:' || id || ':AREA_M2',
           area_m2, 'ISSUE', 'POSTED', cert_no, now() from certificate;
insert into ledger_transfer (id, ledger, debit_account, credit_account, amount, kind, phase, reference, created_at)
    select 'cert:' || id || ':opening-freeze:AREA_M2', 'AREA_M2', 'CERT:' || id || ':AREA_M2',
           'CERT:' || id || ':FROZEN:AREA_M2', frozen_area_m2, 'FREEZE', 'POSTED', cert_no, now()
    from certificate where frozen_area_m2 > 0;
insert into ledger_transfer (id, ledger, debit_account, credit_account, amount, kind, phase, reference, created_at)
    select 'cert:' || id || ':issue:PADDY_M2', 'PADDY_M2', 'QUOTA:ISSUED:PADDY_M2', 'CERT:' || id || ':PADDY_M2',
           paddy_area_m2, 'ISSUE', 'POSTED', cert_no, now() from certificate where paddy_area_m2 > 0
    union all
    select 'cert:' || id || ':issue:GRAIN_KG', 'GRAIN_KG', 'QUOTA:ISSUED:GRAIN_KG', 'CERT:' || id || ':GRAIN_KG',
           grain_capacity_kg, 'ISSUE', 'POSTED', cert_no, now() from certificate where grain_capacity_kg > 0
    union all
    select 'cert:' || id || ':opening-freeze:PADDY_M2', 'PADDY_M2', 'CERT:' || id || ':PADDY_M2',
           'CERT:' || id || ':FROZEN:PADDY_M2', frozen_paddy_area_m2, 'FREEZE', 'POSTED', cert_no, now()
    from certificate where frozen_paddy_area_m2 > 0
    union all
    select 'cert:' || id || ':opening-freeze:GRAIN_KG', 'GRAIN_KG', 'CERT:' || id || ':GRAIN_KG',
           'CERT:' || id || ':FROZEN:GRAIN_KG', frozen_grain_capacity_kg, 'FREEZE', 'POSTED', cert_no, now()
    from certificate where frozen_grain_capacity_kg > 0;
insert into ledger_transfer (id, ledger, debit_account, credit_account, amount, kind, phase, reference, created_at)
    select 'registration:' || id || ':opening-deposit', 'CNY_FEN', 'BANK', 'DEPOSIT:' || id,
           deposit_received_fen, 'DEPOSIT', 'POSTED', virtual_account, now()
    from registration where deposit_received_fen > 0;
