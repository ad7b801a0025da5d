package cn.landmarket.asset;

/** What is traded: three kinds of indicator and the term use right of a collective parcel. */
public enum AssetType {
    /** 建设用地指标: a right to convert land to construction use in a plan year. */
    CONSTRUCTION_QUOTA("CQ"),
    /** 增减挂钩节余指标: quota created by reclaiming rural construction land into farmland. */
    LINKAGE_SURPLUS("LS"),
    /** 补充耕地指标: credit for newly created farmland (area, paddy area, grain capacity). */
    FARMLAND_COMPENSATION("FC"),
    /** 集体经营性建设用地使用权: a term-limited use right on a collective's operating construction land. */
    COLLECTIVE_PARCEL("CP");

    private final String prefix;

    AssetType(String prefix) {
        this.prefix = prefix;
    }

    /** Two-letter prefix of certificate numbers. */
    public String prefix() {
        return prefix;
    }
}
