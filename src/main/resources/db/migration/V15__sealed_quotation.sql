-- Sale formats (issue 17): each listing is sold by open ascending bids (as before, the default for
-- every existing listing) or by a sealed one-time quotation (一次报价) with commit and reveal.
-- A sealed listing's reveal window ends at reveal_deadline (its listing end plus the configured
-- window, moved later with the rest of the schedule when a suspension is lifted).

alter table listing add column sale_format varchar(20) not null default 'OPEN_ASCENDING'
    constraint listing_sale_format check (sale_format in ('OPEN_ASCENDING', 'SEALED_QUOTATION'));
alter table listing add column reveal_deadline timestamptz;
alter table listing add constraint listing_sealed_reveal
    check ((sale_format = 'SEALED_QUOTATION') = (reveal_deadline is not null));

-- One sealed quotation per qualified bidder and listing. Until its reveal only the commitment (the
-- lower-case hex SHA-256 of the byte string of auction/SealedCommitment) is stored: amount_fen and
-- salt stay null, so nobody can read a price before the opening.
create table sealed_quotation (
    id                bigint       primary key,
    listing_id        bigint       not null references listing (id),
    seq               integer      not null,
    registration_id   bigint       not null references registration (id),
    bidder_no         varchar(12)  not null,
    commitment        varchar(64)  not null check (commitment ~ '^[0-9a-f]{64}$'),
    idempotency_key   varchar(100) not null,
    committed_at      timestamptz  not null,
    revealed_at       timestamptz,
    amount_fen        bigint       check (amount_fen > 0),
    salt              varchar(64)  check (salt ~ '^[0-9a-f]{64}$'),
    failed_reveals    integer      not null default 0,
    unique (listing_id, seq),
    unique (listing_id, registration_id),
    constraint sealed_quotation_revealed check ((revealed_at is null) = (amount_fen is null)
        and (revealed_at is null) = (salt is null))
);
create sequence sealed_quotation_seq start with 1 increment by 50;

create index listing_reveal_due_idx on listing (reveal_deadline)
    where status = 'LISTING' and sale_format = 'SEALED_QUOTATION';
