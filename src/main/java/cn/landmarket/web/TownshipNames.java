package cn.landmarket.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import cn.landmarket.party.PartyService;

/**
 * The townships' names for the pages that show a seller (the {@code seller} tag, templates/tags/seller.html): public,
 * as {@code GET /api/townships/{code}} gives them; each township read once per page.
 */
@Named("townshipNames")
@RequestScoped
public class TownshipNames {

    private final PartyService parties;
    private final Map<String, Optional<String>> read = new HashMap<>();

    TownshipNames(PartyService parties) {
        this.parties = parties;
    }

    /** The township's name; null when the platform has no township of that code. */
    public String of(String code) {
        return read.computeIfAbsent(code, parties::townshipName).orElse(null);
    }
}
