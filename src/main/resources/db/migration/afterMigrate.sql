-- Flyway runs this after every migrate, as the role that owns the schema (QUARKUS_FLYWAY_USERNAME).
-- In production the service itself connects as a separate login role, ${appRole} (create it
-- once: CREATE ROLE land_market_app LOGIN PASSWORD '...'; see README "Operations"). This keeps that
-- role at least privilege whatever the migrations added: it may read and write the business tables,
-- but on the append-only tables (audit log, checkpoints, ledgers, bids) it holds no UPDATE, DELETE
-- or TRUNCATE privilege, so even a compromised service cannot rewrite them, and as it owns nothing
-- it cannot disable their triggers either. Where the role does not exist (dev, tests) nothing happens.
do $$
begin
    if exists (select 1 from pg_roles where rolname = '${appRole}') then
        execute format('grant usage on schema %I to %I', current_schema(), '${appRole}');
        execute format('grant select, insert, update, delete on all tables in schema %I to %I',
                       current_schema(), '${appRole}');
        execute format('grant usage, select, update on all sequences in schema %I to %I',
                       current_schema(), '${appRole}');
        execute format('revoke update, delete, truncate on audit_entry, audit_node, audit_commitment, checkpoint, '
                       'ledger_account, ledger_transfer, bid from %I', '${appRole}');
        execute format('revoke insert, update, delete, truncate on %I from %I',
                       'flyway_schema_history', '${appRole}');
    end if;
end
$$;
