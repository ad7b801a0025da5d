package cn.landmarket.oversight;

import java.util.List;

/**
 * The CSV exports of {@link OversightResource}, for the regulator's console pages: the same columns
 * and rows (every item of evidence of every finding, up to the export limit, 400 beyond it) as the
 * API sends for {@code Accept: text/csv}, so that a page can offer them as a plain download link.
 */
public final class CsvExports {

    private CsvExports() {
    }

    public static String statistics(List<VolumeStatistics> rows) {
        return Csv.write(VolumeStatistics.CSV, rows);
    }

    public static String bidPatterns(CollusionService collusion, List<BidPatternFinding> findings) {
        return Csv.write(BidPatternFinding.CSV, collusion.export(findings, BidPatternFinding::bids));
    }

    public static String clientAddresses(CollusionService collusion, List<ClientAddressFinding> findings) {
        return Csv.write(ClientAddressFinding.CSV, collusion.export(findings, ClientAddressFinding::events));
    }

    public static String contacts(CollusionService collusion, List<SharedContactFinding> findings) {
        return Csv.write(SharedContactFinding.CSV, collusion.export(findings, SharedContactFinding::bidders));
    }

    public static String payerAccounts(CollusionService collusion, List<PayerAccountFinding> findings) {
        return Csv.write(PayerAccountFinding.CSV, collusion.export(findings, PayerAccountFinding::deposits));
    }

    public static String singleBidderSales(CollusionService collusion, List<SingleBidderShare> shares) {
        return Csv.write(SingleBidderShare.CSV, collusion.export(shares));
    }
}
