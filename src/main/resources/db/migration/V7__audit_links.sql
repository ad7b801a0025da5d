-- Links from business rows to the audit log.
--
-- bid.audit_leaf_hash: the RFC 6962 leaf hash of the bid's bid.accepted entry, so a retry of the
-- bid returns the same receipt and a bidder can fetch the entry's inclusion proof by it. Bids
-- placed before this migration have none.
--
-- registration.identity_salt: 16 random bytes; the registration's audit entries carry
-- SHA-256(salt || credit code) instead of the code, so the public log binds each registration to
-- its enterprise without disclosing who bids. Revealing the salt opens the commitment.

alter table bid add column audit_leaf_hash bytea check (length(audit_leaf_hash) = 32);

alter table registration add column identity_salt bytea check (length(identity_salt) = 16);
