package cn.landmarket.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Rows written straight into the database of a service started outside Quarkus (benchmarks and
 * cluster tests), where there is no API client to register them with.
 */
public final class OutsideData {

    private OutsideData() {
    }

    /** Verified enterprises with these credit codes, named {@code namePrefix + " " + code}, in one batch. */
    public static void verifiedEnterprises(Connection c, List<String> codes, String namePrefix) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into enterprise (credit_code, name, legal_representative, contact_person, contact_phone,
                    address, region_code, bank_name, bank_account_name, bank_account_no, status, registered_at)
                values (?, ?, '张三', '李四', '13800000000', '绵阳', '510703', '农行', ?, '6228480000000000',
                    'VERIFIED', now())""")) {
            for (String code : codes) {
                ps.setString(1, code);
                ps.setString(2, namePrefix + " " + code);
                ps.setString(3, namePrefix + " " + code);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
