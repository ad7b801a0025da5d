-- A failed listing is relisted at most once, and the two listings link both ways:
-- relisted_from on the new listing, relisted_as on the failed one. The unique constraints keep a
-- second relist from ever being stored, whatever the interleaving of concurrent requests (the
-- service also locks the failed listing's row and answers 409 before reaching them). Deleting the
-- relist's draft clears relisted_as, so the lot can be relisted again.
alter table listing
    add column relisted_from bigint references listing (id),
    add column relisted_as   bigint references listing (id),
    add constraint listing_relisted_from_once unique (relisted_from),
    add constraint listing_relisted_as_once unique (relisted_as);

-- Who acted is recorded as "<group>:<org>:<subject>", at most 150 characters (the token check
-- refuses longer identities with a 403). Two columns were narrower than the others that hold it.
alter table listing alter column reviewed_by type varchar(150);
alter table enterprise alter column reviewed_by type varchar(150);
alter table certificate alter column issued_by type varchar(150);
