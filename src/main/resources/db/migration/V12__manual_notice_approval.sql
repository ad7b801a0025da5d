-- Maker-checker for bank notices typed in by operators (issue 12, item 4). A manual notice is
-- entered by one operator and waits, counting nothing, until a different operator approves it
-- (it is then processed as the feed's notices are) or rejects it. A manual notice and a notice of
-- the same booking from the feed count once: the second is recorded as a DUPLICATE; a notice that
-- has the booking time of another but a different amount or payer account is held as a MISMATCH
-- for an operator and counts nothing.

create sequence manual_notice_seq start with 1000 increment by 50;

create table manual_notice (
    id                    bigint       primary key,
    transaction_id        varchar(64)  not null,
    body_sha256           varchar(64)  not null,
    kind                  varchar(10)  not null check (kind in ('CREDIT', 'DEBIT')),
    account               varchar(34)  not null,
    amount_fen            bigint       not null check (amount_fen > 0),
    counterparty_name     varchar(200) not null,
    counterparty_account  varchar(34)  not null,
    booked_at             timestamptz  not null,
    reference             varchar(100),
    status                varchar(20)  not null check (status in ('PENDING_APPROVAL', 'APPROVED', 'REJECTED')),
    entered_by            varchar(150) not null,
    entered_subject       varchar(150) not null,
    entered_at            timestamptz  not null,
    decided_by            varchar(150),
    decided_subject       varchar(150),
    decided_at            timestamptz,
    rejection_reason      varchar(500),
    outcome               varchar(30),
    constraint manual_notice_decided check ((status = 'PENDING_APPROVAL') = (decided_at is null)
        and (decided_at is null) = (decided_subject is null) and (decided_by is null) = (decided_subject is null)),
    constraint manual_notice_four_eyes check (decided_subject is null or decided_subject <> entered_subject),
    constraint manual_notice_rejected check ((status = 'REJECTED') = (rejection_reason is not null))
);
-- One pending entry per bank transaction id; a rejected entry may be entered again, corrected.
create unique index manual_notice_pending_idx on manual_notice (transaction_id) where status = 'PENDING_APPROVAL';
create index manual_notice_status_idx on manual_notice (status, entered_at, id);

alter table bank_notice
    add column approved_by            varchar(150),
    add column manual_notice_id       bigint references manual_notice (id),
    add column matched_transaction_id varchar(64);

-- Notices of one booking: same account, booking time (to the second).
create index bank_notice_booking_idx on bank_notice (account, booked_at);
-- The operators' queue of held mismatches.
create index bank_notice_mismatch_idx on bank_notice (received_at, transaction_id) where outcome = 'MISMATCH';
