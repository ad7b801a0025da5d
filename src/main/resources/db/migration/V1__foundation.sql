-- Foundation: parties, indicator certificates, listings under review, working-day calendar.
-- Money is BIGINT fen, area BIGINT m2, grain capacity BIGINT kg. Times are timestamptz.

create table township (
    code          varchar(9)   primary key,           -- 6-digit county code + 3-digit township number
    name          varchar(100) not null,
    county_code   varchar(6)   not null,
    county_name   varchar(100) not null,
    created_at    timestamptz  not null default now(),
    constraint township_code_format check (code ~ '^[0-9]{9}$' and substr(code, 1, 6) = county_code)
);

create table regulator (
    code          varchar(6)   primary key,           -- division code of the bureau's jurisdiction
    name          varchar(200) not null,
    created_at    timestamptz  not null default now(),
    constraint regulator_code_format check (code ~ '^[0-9]{6}$')
);

create table enterprise (
    credit_code           varchar(18)  primary key,   -- GB 32100-2015 unified social credit code
    name                  varchar(200) not null,
    legal_representative  varchar(100) not null,
    contact_person        varchar(100) not null,
    contact_phone         varchar(30)  not null,
    address               varchar(300) not null,
    region_code           varchar(6)   not null,
    bank_name             varchar(100) not null,
    bank_account_name     varchar(200) not null,
    bank_account_no       varchar(34)  not null,
    status                varchar(20)  not null,
    status_reason         varchar(500),
    registered_at         timestamptz  not null,
    reviewed_at           timestamptz,
    reviewed_by           varchar(100),
    constraint enterprise_status check (status in ('PENDING', 'VERIFIED', 'REJECTED'))
);
create index enterprise_status_idx on enterprise (status);

create sequence certificate_seq start with 1000 increment by 50;

create table certificate (
    id                        bigint       primary key,
    cert_no                   varchar(40)  not null unique,
    asset_type                varchar(30)  not null,
    holder_kind               varchar(12)  not null,
    holder_code               varchar(18)  not null,
    region_code               varchar(9)   not null,
    source_project            varchar(200) not null,
    source_project_type       varchar(40),
    documents                 jsonb        not null default '[]',
    area_m2                   bigint       not null,
    frozen_area_m2            bigint       not null default 0,
    paddy_area_m2             bigint,
    frozen_paddy_area_m2      bigint       not null default 0,
    grain_capacity_kg         bigint,
    frozen_grain_capacity_kg  bigint       not null default 0,
    quality_grade             smallint,
    national_filing_no        varchar(60),
    plan_year                 smallint,
    acceptance_doc_no         varchar(60),
    valid_until               date,
    parcel_code               varchar(40),
    land_use                  varchar(40),
    max_term_years            smallint,
    planning_conditions       jsonb,
    collective_vote           jsonb,
    county_filing_date        date,
    parent_id                 bigint       references certificate (id),
    issued_at                 timestamptz  not null,
    issued_by                 varchar(100) not null,
    version                   bigint       not null default 0,
    constraint certificate_type check (asset_type in
        ('CONSTRUCTION_QUOTA', 'LINKAGE_SURPLUS', 'FARMLAND_COMPENSATION', 'COLLECTIVE_PARCEL')),
    constraint certificate_holder_kind check (holder_kind in ('TOWNSHIP', 'ENTERPRISE')),
    constraint certificate_area check (area_m2 > 0 and frozen_area_m2 between 0 and area_m2),
    constraint certificate_paddy check (paddy_area_m2 is null
        or (paddy_area_m2 between 0 and area_m2 and frozen_paddy_area_m2 between 0 and paddy_area_m2)),
    constraint certificate_grain check (grain_capacity_kg is null
        or (grain_capacity_kg >= 0 and frozen_grain_capacity_kg between 0 and grain_capacity_kg)),
    constraint certificate_grade check (quality_grade is null or quality_grade between 1 and 15)
);
create index certificate_holder_idx on certificate (holder_kind, holder_code);
create index certificate_parent_idx on certificate (parent_id);
create index certificate_region_idx on certificate (region_code);

create sequence listing_seq start with 1000 increment by 50;

create table listing (
    id                        bigint       primary key,
    listing_no                varchar(30)  not null unique,
    title                     varchar(200) not null,
    description               varchar(4000),
    certificate_id            bigint       not null references certificate (id),
    seller_code               varchar(9)   not null references township (code),
    asset_type                varchar(30)  not null,
    region_code               varchar(9)   not null,
    lot_area_m2               bigint       not null,
    lot_paddy_area_m2         bigint,
    lot_grain_capacity_kg     bigint,
    land_use                  varchar(40),
    term_years                smallint,
    start_price_fen           bigint       not null,
    increment_fen             bigint       not null,
    deposit_fen               bigint       not null,
    price_cap_fen             bigint,
    reserve_price_fen         bigint,
    announce_at               timestamptz  not null,
    registration_deadline     timestamptz  not null,
    listing_start             timestamptz  not null,
    listing_end               timestamptz  not null,
    countdown_seconds         integer      not null,
    eligible_regions          jsonb        not null default '[]',
    payment_terms             jsonb        not null,
    status                    varchar(20)  not null,
    suspended_from            varchar(20),
    suspended_at              timestamptz,
    status_reason             varchar(1000),
    created_at                timestamptz  not null,
    submitted_at              timestamptz,
    reviewed_at               timestamptz,
    reviewed_by               varchar(100),
    announced_at              timestamptz,
    version                   bigint       not null default 0,
    constraint listing_status check (status in ('DRAFT', 'PENDING_REVIEW', 'APPROVED', 'REJECTED', 'ANNOUNCED',
        'LISTING', 'TIMED_BIDDING', 'SUSPENDED', 'TERMINATED', 'SOLD', 'UNSOLD', 'AWAITING_PAYMENT', 'SETTLED',
        'DEFAULTED')),
    constraint listing_money check (start_price_fen > 0 and increment_fen > 0 and deposit_fen > 0
        and (price_cap_fen is null or price_cap_fen > start_price_fen)
        and (reserve_price_fen is null or reserve_price_fen >= start_price_fen)),
    constraint listing_lot check (lot_area_m2 > 0),
    constraint listing_times check (announce_at < listing_start and listing_start < listing_end
        and registration_deadline <= listing_end),
    constraint listing_suspension check ((status = 'SUSPENDED') = (suspended_from is not null))
);
create index listing_status_idx on listing (status);
create index listing_seller_idx on listing (seller_code);
create index listing_region_idx on listing (region_code);
create index listing_certificate_idx on listing (certificate_id);
create index listing_announce_due_idx on listing (announce_at) where status = 'APPROVED';
create index listing_start_due_idx on listing (listing_start) where status = 'ANNOUNCED';

create sequence listing_history_seq start with 1000 increment by 50;

create table listing_history (
    id            bigint       primary key,
    listing_id    bigint       not null references listing (id),
    from_status   varchar(20),
    to_status     varchar(20)  not null,
    at            timestamptz  not null,
    actor         varchar(150) not null,
    reason        varchar(1000)
);
create index listing_history_listing_idx on listing_history (listing_id, id);

create table calendar_day (
    day           date         primary key,
    working       boolean      not null,
    note          varchar(100) not null,
    updated_at    timestamptz  not null default now(),
    updated_by    varchar(150) not null
);
