-- Runner-up award (issue 17): a listing may offer its lot to the runner-up when the winner defaults.
-- The township chooses it at drafting (off for every existing listing).
alter table listing add column runner_up_award boolean not null default false;

-- A listing's lot may now be sold twice over: first to its winner, then (after the winner's default)
-- to its runner-up. runner_up_of names the defaulted winner's trade a runner-up's trade replaces; each
-- listing has at most one trade of each kind. A runner-up may decline its offer (DECLINED), which is
-- no default: no forfeit, no bar.
alter table trade drop constraint trade_listing_id_key;
alter table trade add column runner_up_of bigint references trade (id);
alter table trade add column declined_at timestamptz;
create unique index trade_winner_of_listing on trade (listing_id) where runner_up_of is null;
create unique index trade_runner_up_of_listing on trade (listing_id) where runner_up_of is not null;
alter table trade drop constraint trade_status_check;
alter table trade add constraint trade_status_check check (status in
    ('AWAITING_CONFIRMATION', 'AWAITING_PAYMENT', 'SETTLED', 'DEFAULTED', 'DECLINED'));

-- The runner-up chosen when the winner's trade opens (settlement/RunnerUpRule), whose deposit is held
-- instead of refunded until the winner settles (RELEASED: refunded as any loser's) or defaults
-- (OFFERED: the lot is offered to it by trade_id, which it then ACCEPTED, DECLINED, or DEFAULTED on).
create table runner_up (
    listing_id        bigint       primary key references listing (id),
    registration_id   bigint       not null unique references registration (id),
    bidder_no         varchar(12)  not null,
    seq               integer      not null,
    price_fen         bigint       not null check (price_fen > 0),
    winner_trade_id   bigint       not null references trade (id),
    status            varchar(12)  not null check (status in
        ('HELD', 'RELEASED', 'OFFERED', 'ACCEPTED', 'DECLINED', 'DEFAULTED')),
    trade_id          bigint       references trade (id),
    held_at           timestamptz  not null,
    decided_at        timestamptz,
    version           bigint       not null default 0,
    constraint runner_up_offer check ((trade_id is null) = (status in ('HELD', 'RELEASED')))
);
