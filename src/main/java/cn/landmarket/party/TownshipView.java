package cn.landmarket.party;

/** A township as anyone may see it. */
public record TownshipView(String code, String name, String countyCode, String countyName) {

    static TownshipView of(Township t) {
        return new TownshipView(t.code, t.name, t.countyCode, t.countyName);
    }
}
