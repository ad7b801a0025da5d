-- Tamper-evident audit log (RFC 9162 Merkle tree, C2SP signed checkpoints).
--
-- Writers insert into audit_pending inside their own business transaction, so an entry exists if
-- and only if the business change committed. The sequencer (one instance at a time, under an
-- advisory lock) moves pending entries in id order into audit_entry with consecutive indexes and
-- writes a signed checkpoint of the new tree.
--
-- audit_entry and checkpoint are append-only: the triggers below refuse UPDATE, DELETE and
-- TRUNCATE. The production role must in addition hold no UPDATE, DELETE or TRUNCATE privilege on
-- them, and no right to disable triggers (it must not own the tables):
--   REVOKE ALL ON audit_entry, checkpoint FROM land_market_app;
--   GRANT SELECT, INSERT ON audit_entry, checkpoint TO land_market_app;
--   GRANT SELECT, INSERT, DELETE ON audit_pending TO land_market_app;
--   GRANT USAGE ON SEQUENCE audit_pending_id_seq TO land_market_app;

create table audit_pending (
    id          bigserial    primary key,
    entry       bytea        not null,
    created_at  timestamptz  not null default now()
);

create table audit_entry (
    idx         bigint       primary key check (idx >= 0),
    entry       bytea        not null,
    leaf_hash   bytea        not null check (length(leaf_hash) = 32),
    created_at  timestamptz  not null default now()
);

-- One row per signed tree head. compact_range holds the roots of the perfect subtrees that make
-- up the tree (largest first, 32 bytes each), so the next batch is appended in O(batch + log n).
create table checkpoint (
    tree_size      bigint       primary key check (tree_size >= 0),
    root_hash      bytea        not null check (length(root_hash) = 32),
    compact_range  bytea        not null,
    note           text         not null,
    created_at     timestamptz  not null default now()
);

create function audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_refuse_change();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_refuse_change();
create trigger checkpoint_append_only before update or delete on checkpoint
    for each row execute function audit_refuse_change();
create trigger checkpoint_no_truncate before truncate on checkpoint
    for each statement execute function audit_refuse_change();
