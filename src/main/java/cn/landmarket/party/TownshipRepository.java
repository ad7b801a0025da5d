package cn.landmarket.party;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Queries over townships. */
@ApplicationScoped
public class TownshipRepository implements PanacheRepositoryBase<Township, String> {

    public PanacheQuery<Township> search(String countyCode) {
        return search(countyCode, null);
    }

    /** Townships, optionally of one county and only the active or only the deactivated ones, by code. */
    public PanacheQuery<Township> search(String countyCode, Boolean active) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (countyCode != null) {
            where.add("countyCode = :county");
            params.put("county", countyCode);
        }
        if (active != null) {
            where.add(active ? "deactivatedAt is null" : "deactivatedAt is not null");
        }
        return where.isEmpty() ? findAll(Sort.by("code")) : find(String.join(" and ", where), Sort.by("code"), params);
    }

    /** How many active townships a county has. */
    public long countActive(String countyCode) {
        return count("countyCode = ?1 and deactivatedAt is null", countyCode);
    }

    /** The townships registered under any of the codes. */
    public List<Township> byCodes(Collection<String> codes) {
        List<Township> found = new ArrayList<>();
        List<String> all = List.copyOf(codes);
        for (int i = 0; i < all.size(); i += CountyRepository.CHUNK) {
            found.addAll(list("code in :codes", Parameters.with("codes",
                    all.subList(i, Math.min(all.size(), i + CountyRepository.CHUNK)))));
        }
        return found;
    }
}
