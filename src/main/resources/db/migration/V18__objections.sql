-- Objections to published results (issue 17, part 5; domain.md "After the sale"). During the
-- publication period of a result a bidder of the listing lodges one objection with its reasons;
-- a regulator of the listing's region answers it once (UPHELD or REJECTED, with reasons) and, when
-- upholding, may suspend the settlement of the listing's open trade until it lifts the suspension.
create table objection (
    id                   bigint       primary key,
    listing_id           bigint       not null references listing (id),
    registration_id      bigint       not null references registration (id),
    enterprise_code      varchar(18)  not null references enterprise (credit_code),
    bidder_no            varchar(12)  not null,
    reasons              text         not null check (length(reasons) > 0),
    lodged_at            timestamptz  not null,
    period_ends          timestamptz  not null,
    status               varchar(10)  not null check (status in ('LODGED', 'UPHELD', 'REJECTED')),
    answer               text,
    answered_at          timestamptz,
    answered_by          varchar(150),
    -- the open trade whose settlement this objection suspended, and when the suspension was lifted
    suspended_trade_id   bigint       references trade (id),
    lifted_at            timestamptz,
    lifted_by            varchar(150),
    version              bigint       not null default 0,
    unique (listing_id, registration_id),
    constraint objection_answered check ((status = 'LODGED') = (answered_at is null)
        and (answered_at is null) = (answer is null) and (answered_at is null) = (answered_by is null)),
    constraint objection_suspension check ((suspended_trade_id is null or status = 'UPHELD')
        and (lifted_at is null or suspended_trade_id is not null) and (lifted_at is null) = (lifted_by is null))
);
create sequence objection_seq start with 1 increment by 50;
create index objection_listing_idx on objection (listing_id);
create index objection_lodged_idx on objection (status) where status = 'LODGED';

-- A trade whose settlement is suspended: from suspended_at its deadlines do not run, it takes no
-- confirmation and no payment; lifting moves every deadline still ahead later by the pause.
alter table trade add column suspended_at timestamptz;
