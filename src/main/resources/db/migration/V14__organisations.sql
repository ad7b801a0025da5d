-- Organisations through the product (issue 15): operators register counties, townships and
-- regulators through the API. Counties get a table of their own that townships reference; each of
-- the three can be deactivated (deactivated_at) without losing its history: rows are never deleted,
-- so the listings, certificates and trades that name them stay readable.

create table county (
    code            varchar(6)   primary key,           -- county-level division code (GB/T 2260)
    name            varchar(100) not null,
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    deactivated_at  timestamptz,                         -- null while active
    constraint county_code_format check (code ~ '^[0-9]{6}$')
);

-- Every county a township already names becomes a registered county, with the name the townships
-- carried (the first in sort order should two townships of one county spell it differently).
insert into county (code, name, created_at, updated_at)
select county_code, min(county_name), min(created_at), min(created_at)
from township
group by county_code;

alter table township add column updated_at timestamptz not null default now();
alter table township add column deactivated_at timestamptz;
update township set updated_at = created_at;
alter table township add constraint township_county_fk foreign key (county_code) references county (code);
create index township_county_idx on township (county_code, code);
-- The county's name now lives once, in county; a rename shows in every township at once.
alter table township drop column county_name;

-- A regulator's code stays its 6-digit division code (its token's org claim); the jurisdiction is
-- its 2-, 4- or 6-digit prefix (510000 the province 51, 510700 the prefecture 5107, 510703 the county).
alter table regulator add column updated_at timestamptz not null default now();
alter table regulator add column deactivated_at timestamptz;
update regulator set updated_at = created_at;
