package cn.landmarket.ledger;

/** What a ledger counts: money in fen, or an indicator dimension in m² or kg. Transfers never cross ledgers. */
public enum LedgerCode {
    CNY_FEN, AREA_M2, PADDY_M2, GRAIN_KG
}
