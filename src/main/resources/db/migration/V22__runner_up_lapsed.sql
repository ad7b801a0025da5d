-- A runner-up award whose held runner-up is no longer eligible when the winner defaults (barred, not
-- verified, deposit no longer held), with nobody else eligible either: LAPSED, no offer, the lot is
-- released (settlement/SettlementService, runner_up.lapsed in the log).
alter table runner_up drop constraint runner_up_status_check;
alter table runner_up add constraint runner_up_status_check check (status in
    ('HELD', 'RELEASED', 'OFFERED', 'ACCEPTED', 'DECLINED', 'DEFAULTED', 'LAPSED'));
alter table runner_up drop constraint runner_up_offer;
alter table runner_up add constraint runner_up_offer
    check ((trade_id is null) = (status in ('HELD', 'RELEASED', 'LAPSED')));
