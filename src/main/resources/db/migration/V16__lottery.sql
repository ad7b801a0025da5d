-- Lottery at the cap (issue 17): a listing sold by open ascending bids with a price cap chooses at
-- drafting what happens when an accepted bid reaches the cap: END_SALE (the sale ends, as before and
-- the default for every existing listing) or LOTTERY (bidding stops and a lottery round opens among
-- the qualified bidders who accept the cap price; status LOTTERY until the draw). The windows'
-- lengths are fixed on the listing at drafting; the round's deadlines are set when it opens and move
-- later with the rest of the schedule when a suspension is lifted.

alter table listing add column cap_action varchar(10) not null default 'END_SALE'
    constraint listing_cap_action check (cap_action in ('END_SALE', 'LOTTERY'));
alter table listing add column lottery_entry_minutes integer;
alter table listing add column lottery_reveal_minutes integer;
alter table listing add column lottery_entry_deadline timestamptz;
alter table listing add column lottery_reveal_deadline timestamptz;
alter table listing add constraint listing_lottery_terms
    check ((cap_action = 'LOTTERY') = (lottery_entry_minutes is not null and lottery_reveal_minutes is not null)
        and (cap_action = 'END_SALE' or (price_cap_fen is not null and sale_format = 'OPEN_ASCENDING'))
        and (lottery_entry_deadline is null) = (lottery_reveal_deadline is null)
        and (lottery_entry_deadline is null or cap_action = 'LOTTERY'));

alter table listing drop constraint listing_status;
alter table listing add constraint listing_status check (status in ('DRAFT', 'PENDING_REVIEW', 'APPROVED', 'REJECTED',
    'ANNOUNCED', 'LISTING', 'TIMED_BIDDING', 'LOTTERY', 'SUSPENDED', 'TERMINATED', 'SOLD', 'UNSOLD',
    'AWAITING_PAYMENT', 'SETTLED', 'DEFAULTED'));

-- One round per listing, opened by the bid that reached the cap. platform_contribution is the
-- platform's secret random contribution (64 lower-case hex): it is kept here so that any instance,
-- after any restart, can draw, and it is served and logged only with the draw; until then only
-- platform_commitment (auction/LotteryCommitment with bidder number "PLATFORM") is public.
create table lottery_round (
    listing_id              bigint       primary key references listing (id),
    cap_fen                 bigint       not null check (cap_fen > 0),
    cap_bid_id              bigint       not null references bid (id),
    cap_bidder_no           varchar(12)  not null,
    platform_commitment     varchar(64)  not null check (platform_commitment ~ '^[0-9a-f]{64}$'),
    platform_contribution   varchar(64)  not null check (platform_contribution ~ '^[0-9a-f]{64}$'),
    opened_at               timestamptz  not null,
    drawn_at                timestamptz
);

-- One entry per qualified bidder and round: the commitment to a random contribution the bidder
-- keeps until its reveal (contribution null until then).
create table lottery_entry (
    id                bigint       primary key,
    listing_id        bigint       not null references lottery_round (listing_id),
    seq               integer      not null,
    registration_id   bigint       not null references registration (id),
    bidder_no         varchar(12)  not null,
    commitment        varchar(64)  not null check (commitment ~ '^[0-9a-f]{64}$'),
    idempotency_key   varchar(100) not null,
    entered_at        timestamptz  not null,
    revealed_at       timestamptz,
    contribution      varchar(64)  check (contribution ~ '^[0-9a-f]{64}$'),
    failed_reveals    integer      not null default 0,
    unique (listing_id, seq),
    unique (listing_id, registration_id),
    constraint lottery_entry_revealed check ((revealed_at is null) = (contribution is null))
);
create sequence lottery_entry_seq start with 1 increment by 50;

create index listing_lottery_due_idx on listing (lottery_entry_deadline) where status = 'LOTTERY';
