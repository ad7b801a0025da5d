-- Deposits that may still hold money. The settlement sweep looks for deposits to owe back among
-- these only, on every instance every second, instead of summing the ledger of every registration
-- of every finished listing there has ever been (its cost grew with the market's whole history).
--
-- A registration enters when money reaches its deposit account (DEPOSIT:<registration id>; other
-- account names the ledger accepts are no registration's) (a POSTED or PENDING credit) or a
-- reservation against it is cancelled (a VOIDED transfer): by trigger, so that no writer of the
-- ledger can forget it. Each entry bumps the version. The sweep removes a registration once its
-- account holds nothing available, naming the version it read, so that one touched meanwhile stays.
create table deposit_open (
    registration_id bigint primary key,
    version         bigint not null default 1
);

create function deposit_open_touch() returns trigger language plpgsql as $$
begin
    insert into deposit_open (registration_id)
    values (cast(substring(case when new.credit_account ~ '^DEPOSIT:[0-9]{1,18}$' then new.credit_account
                                else new.debit_account end from 9) as bigint))
    on conflict (registration_id) do update set version = deposit_open.version + 1;
    return null;
end
$$;

create trigger ledger_transfer_deposit_open after insert on ledger_transfer
    for each row when (new.credit_account ~ '^DEPOSIT:[0-9]{1,18}$'
                       or new.phase = 'VOIDED' and new.debit_account ~ '^DEPOSIT:[0-9]{1,18}$')
    execute function deposit_open_touch();

-- Every deposit that ever received money, once; the first passes of the sweep drop those now empty.
insert into deposit_open (registration_id)
select distinct cast(substring(credit_account from 9) as bigint) from ledger_transfer
where credit_account ~ '^DEPOSIT:[0-9]{1,18}$'
on conflict do nothing;

-- The sweep's and the release's questions about a registration's trade (whether it holds one) and
-- a listing's (whether it has one), answered by index instead of reading every trade.
create index trade_registration_idx on trade (registration_id);
create index trade_listing_idx on trade (listing_id);
