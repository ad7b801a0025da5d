package cn.landmarket.escrow;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The escrow account bidders pay into, its virtual sub-accounts and the refund deadline. The keys
 * stay under {@code market.bank.*} (the bank holds the account); the notice feed's own settings are
 * in {@code bank.BankConfig}.
 */
@ConfigMapping(prefix = "market.bank")
public interface EscrowConfig {

    /** Name of the trading centre's deposit escrow account, shown in deposit instructions. */
    @WithDefault("绵阳市公共资源交易中心竞买保证金专户")
    String escrowAccountName();

    /** Bank that holds the escrow account and issues the virtual sub-accounts. */
    @WithDefault("中国农业银行绵阳分行")
    String bankName();

    /** Digits every virtual account number starts with (assigned by the bank). */
    @WithDefault("6228")
    String virtualAccountPrefix();

    /** Working days after the money arrived within which a refund must be paid [practice: 5]. */
    @WithDefault("5")
    int refundWorkingDays();
}
