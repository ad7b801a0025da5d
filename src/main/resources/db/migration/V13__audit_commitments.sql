-- Openings of the commitments in the public audit log.
--
-- A fact that is not public (a draft's terms, a rejection reason, a certificate's details, the
-- reason of an identity reveal) goes into its log entry as <field>Commitment = hex SHA-256(salt ||
-- UTF-8 value) with a random 16-byte salt. The salt and the value are kept here, written in the
-- same transaction as the entry, so that readers the owning feature authorises can open the
-- commitment (GET /api/audit/commitments/{commitment}) and recompute it. scope and subject name the
-- feature and the thing (listing, certificate, reveal of a listing, enterprise) that decides who may.
--
-- Append-only like the log itself: an opening that could be deleted or changed would let the fact
-- be withheld or disowned.

create table audit_commitment (
    commitment  varchar(64)  primary key check (commitment ~ '^[0-9a-f]{64}$'),
    scope       varchar(20)  not null,
    subject     varchar(40)  not null,
    field       varchar(40)  not null,
    salt        bytea        not null check (length(salt) = 16),
    value       text         not null,
    created_at  timestamptz  not null default now()
);

create trigger audit_commitment_append_only before update or delete on audit_commitment
    for each row execute function audit_refuse_change();
create trigger audit_commitment_no_truncate before truncate on audit_commitment
    for each statement execute function audit_refuse_change();
