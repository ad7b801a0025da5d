-- Lookups into the audit log without scanning it.
--
-- kind and listing_id repeat the entry's "type" and "facts.listingId" so a listing's dossier and
-- the public results find their entries by index. They are derived data outside the hashed bytes:
-- readers that prove something always re-read the entry bytes, which the tree covers.
--
-- audit_node keeps the hash of every complete perfect subtree of the tree (level >= 1; level 0 is
-- audit_entry.leaf_hash), written by the sequencer in the same transaction as the entries. Any
-- inclusion or consistency proof then needs O(log² n) stored hashes instead of all n leaves.

alter table audit_pending add column kind varchar(64), add column listing_id bigint;

-- One-time backfill of the derived columns; the append-only triggers are paused only for this.
alter table audit_entry add column kind varchar(64), add column listing_id bigint;
alter table audit_entry disable trigger audit_entry_append_only;
update audit_entry set kind = convert_from(entry, 'UTF8')::jsonb ->> 'type',
                       listing_id = (convert_from(entry, 'UTF8')::jsonb #>> '{facts,listingId}')::bigint;
alter table audit_entry enable trigger audit_entry_append_only;

create index audit_entry_listing on audit_entry (listing_id, idx) where listing_id is not null;
create index audit_entry_leaf_hash on audit_entry (leaf_hash);

create table audit_node (
    level  smallint  not null check (level between 1 and 63),
    idx    bigint    not null check (idx >= 0),
    hash   bytea     not null check (length(hash) = 32),
    primary key (level, idx)
);

-- Backfill: level 1 from the leaves, then each level from the one below, for the entries present.
do $$
declare
    lvl int := 1;
    added bigint;
begin
    insert into audit_node (level, idx, hash)
    select 1, l.idx / 2, sha256('\x01'::bytea || l.leaf_hash || r.leaf_hash)
    from audit_entry l join audit_entry r on r.idx = l.idx + 1
    where l.idx % 2 = 0;
    get diagnostics added = row_count;
    while added > 1 loop
        insert into audit_node (level, idx, hash)
        select lvl + 1, l.idx / 2, sha256('\x01'::bytea || l.hash || r.hash)
        from audit_node l join audit_node r on r.level = lvl and r.idx = l.idx + 1
        where l.level = lvl and l.idx % 2 = 0;
        get diagnostics added = row_count;
        lvl := lvl + 1;
    end loop;
end
$$;

create trigger audit_node_append_only before update or delete on audit_node
    for each row execute function audit_refuse_change();
create trigger audit_node_no_truncate before truncate on audit_node
    for each statement execute function audit_refuse_change();
