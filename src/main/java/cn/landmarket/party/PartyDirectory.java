package cn.landmarket.party;

import java.util.List;

/** Townships, regulators and verified enterprises by code and name (the dev sign-in page's list). */
public record PartyDirectory(List<Entry> townships, List<Entry> regulators, List<Entry> enterprises) {

    public record Entry(String code, String name) {
    }
}
