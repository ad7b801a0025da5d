package cn.landmarket.settlement;

/**
 * Splits a price between farmers, the village collective and the selling township by percentages
 * (domain.md, "After the sale"): each share rounds down to the fen and the township takes the rest,
 * so the shares always add up to the price.
 */
public record ProceedsSplit(long farmersFen, long collectiveFen, long townshipFen) {

    /**
     * @throws IllegalArgumentException for a negative price, a negative percentage or percentages above 100 together
     */
    public static ProceedsSplit of(long priceFen, int farmersPercent, int collectivePercent) {
        if (priceFen < 0 || farmersPercent < 0 || collectivePercent < 0 || farmersPercent + collectivePercent > 100) {
            throw new IllegalArgumentException("Bad split of " + priceFen + ": " + farmersPercent + "% + "
                    + collectivePercent + "%");
        }
        long farmers = Math.multiplyExact(priceFen, farmersPercent) / 100;
        long collective = Math.multiplyExact(priceFen, collectivePercent) / 100;
        return new ProceedsSplit(farmers, collective, priceFen - farmers - collective);
    }
}
