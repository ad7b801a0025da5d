-- Opening entries of the quota ledger for the seeded certificates (the same as migration V4 does for
-- certificates that existed before the ledger), so that the seeded data satisfies the ledger invariants.
-- Idempotent: accounts are inserted once, and a certificate's openings only while its ledger is empty
-- (a database that already had these certificates got its openings from V4).

-- 101 was issued for 133,333 m², of which 33,333 m² went to its child 102.
update certificate set area_m2 = 133333, transferred_area_m2 = 33333 where id = 101 and transferred_area_m2 = 0;

insert into ledger_account (id, ledger, normal_side, created_at)
    select 'CERT:' || id || ':AREA_M2', 'AREA_M2', 'CREDIT', now() from certificate where id < 1000
    union all select 'CERT:' || id || ':FROZEN:AREA_M2', 'AREA_M2', 'CREDIT', now() from certificate where id < 1000
    union all select 'CERT:' || id || ':PADDY_M2', 'PADDY_M2', 'CREDIT', now() from certificate
        where id < 1000 and paddy_area_m2 > 0
    union all select 'CERT:' || id || ':FROZEN:PADDY_M2', 'PADDY_M2', 'CREDIT', now() from certificate
        where id < 1000 and paddy_area_m2 > 0
    union all select 'CERT:' || id || ':GRAIN_KG', 'GRAIN_KG', 'CREDIT', now() from certificate
        where id < 1000 and grain_capacity_kg > 0
    union all select 'CERT:' || id || ':FROZEN:GRAIN_KG', 'GRAIN_KG', 'CREDIT', now() from certificate
        where id < 1000 and grain_capacity_kg > 0
on conflict do nothing;

insert into ledger_transfer (id, ledger, debit_account, credit_account, amount, kind, phase, reference, created_at)
    select 'seed:cert:' || id || ':issue:AREA_M2', 'AREA_M2', 'QUOTA:ISSUED:AREA_M2', 'CERT:' || id || ':AREA_M2',
           area_m2 - transferred_area_m2, 'ISSUE', 'POSTED', cert_no, now() from certificate where id < 1000 and not exists (select 1 from ledger_transfer t where t.credit_account = 'CERT:' || certificate.id || ':AREA_M2')
    union all
    select 'seed:cert:' || id || ':freeze:AREA_M2', 'AREA_M2', 'CERT:' || id || ':AREA_M2',
           'CERT:' || id || ':FROZEN:AREA_M2', frozen_area_m2, 'FREEZE', 'POSTED', cert_no, now()
    from certificate where id < 1000 and frozen_area_m2 > 0 and not exists (select 1 from ledger_transfer t where t.credit_account = 'CERT:' || certificate.id || ':AREA_M2')
    union all
    select 'seed:cert:' || id || ':issue:PADDY_M2', 'PADDY_M2', 'QUOTA:ISSUED:PADDY_M2', 'CERT:' || id || ':PADDY_M2',
           paddy_area_m2, 'ISSUE', 'POSTED', cert_no, now() from certificate where id < 1000 and paddy_area_m2 > 0 and not exists (select 1 from ledger_transfer t where t.credit_account = 'CERT:' || certificate.id || ':AREA_M2')
    union all
    select 'seed:cert:' || id || ':issue:GRAIN_KG', 'GRAIN_KG', 'QUOTA:ISSUED:GRAIN_KG', 'CERT:' || id || ':GRAIN_KG',
           grain_capacity_kg, 'ISSUE', 'POSTED', cert_no, now() from certificate where id < 1000 and grain_capacity_kg > 0 and not exists (select 1 from ledger_transfer t where t.credit_account = 'CERT:' || certificate.id || ':AREA_M2')
    union all
    select 'seed:cert:' || id || ':freeze:PADDY_M2', 'PADDY_M2', 'CERT:' || id || ':PADDY_M2',
           'CERT:' || id || ':FROZEN:PADDY_M2', frozen_paddy_area_m2, 'FREEZE', 'POSTED', cert_no, now()
    from certificate where id < 1000 and frozen_paddy_area_m2 > 0 and not exists (select 1 from ledger_transfer t where t.credit_account = 'CERT:' || certificate.id || ':AREA_M2')
    union all
    select 'seed:cert:' || id || ':freeze:GRAIN_KG', 'GRAIN_KG', 'CERT:' || id || ':GRAIN_KG',
           'CERT:' || id || ':FROZEN:GRAIN_KG', frozen_grain_capacity_kg, 'FREEZE', 'POSTED', cert_no, now()
    from certificate where id < 1000 and frozen_grain_capacity_kg > 0 and not exists (select 1 from ledger_transfer t where t.credit_account = 'CERT:' || certificate.id || ':AREA_M2')
on conflict do nothing;
