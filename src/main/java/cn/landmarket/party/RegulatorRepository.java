package cn.landmarket.party;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Queries over regulators. */
@ApplicationScoped
public class RegulatorRepository implements PanacheRepositoryBase<Regulator, String> {
}
