package cn.landmarket.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import cn.landmarket.asset.AssetType;
import cn.landmarket.listing.ListingStatus;
import cn.landmarket.party.CreditCode;
import cn.landmarket.party.DivisionCode;
import io.quarkus.test.junit.QuarkusTest;

/** The dev seed data loads into the real schema, twice without harm, and is internally consistent. */
@QuarkusTest
class SeedDataTest {

    private static final Path SEED = Path.of("seed-data");

    @Inject
    DataSource dataSource;


    @Test
    void loadingTwiceChangesNothing() {
        assertEquals(4, SeedData.load(dataSource, SEED).size());
        List<Long> first = counts();
        assertEquals(4, SeedData.load(dataSource, SEED).size());
        assertEquals(first, counts());
        assertTrue(first.get(0) >= 20 && first.get(1) >= 12, () -> "townships, enterprises: " + first);
    }

    @Test
    void seedCoversEveryAssetTypeAndEveryStatusOfTheFoundation() {
        SeedData.load(dataSource, SEED);
        Set<String> types = new TreeSet<>(strings("select distinct asset_type from certificate where id < 1000"));
        assertEquals(new TreeSet<>(List.of(AssetType.values()).stream().map(Enum::name).toList()), types);
        Set<String> statuses = new TreeSet<>(strings("select distinct status from listing where id < 1000"));
        for (ListingStatus s : List.of(ListingStatus.DRAFT, ListingStatus.PENDING_REVIEW, ListingStatus.APPROVED,
                ListingStatus.REJECTED, ListingStatus.ANNOUNCED, ListingStatus.LISTING, ListingStatus.SUSPENDED,
                ListingStatus.TERMINATED)) {
            assertTrue(statuses.contains(s.name()), () -> "no seeded listing in " + s + ": " + statuses);
        }
    }

    @Test
    void seededCodesAreValidAndFrozenQuantitiesMatchTheListings() {
        SeedData.load(dataSource, SEED);
        List<String> credit = strings("select credit_code from enterprise");
        assertTrue(credit.stream().allMatch(CreditCode::isValid), credit::toString);
        List<String> townships = strings("select code from township");
        assertTrue(townships.stream().allMatch(DivisionCode::isTownship), townships::toString);
        List<String> mismatches = strings("""
                select c.id::text from certificate c
                where c.id < 1000 and c.frozen_area_m2 <> coalesce((select sum(l.lot_area_m2) from listing l
                    where l.certificate_id = c.id and l.status not in ('REJECTED', 'TERMINATED')), 0)
                """);
        assertEquals(List.of(), mismatches);
    }

    @Test
    void seededCertificatesSatisfyTheLedgerInvariants() {
        SeedData.load(dataSource, SEED);
        String body = io.restassured.RestAssured.given()
                .auth().oauth2(cn.landmarket.testing.Tokens.regulator("510700"))
                .when().get("/api/ledger/invariants").then().statusCode(200).extract().asString();
        io.restassured.path.json.JsonPath json = new io.restassured.path.json.JsonPath(body);
        List<String> offending = json.getList("checks.offending.flatten()", String.class);
        List<String> seeded = offending.stream().filter(id -> id.matches("\\d{1,3}")).toList();
        assertEquals(List.of(), seeded, body);
    }

    private List<Long> counts() {
        return List.of("township", "enterprise", "regulator", "certificate", "listing", "listing_history").stream()
                .map(table -> Long.parseLong(strings("select count(*)::text from " + table).get(0)))
                .toList();
    }

    private List<String> strings(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
