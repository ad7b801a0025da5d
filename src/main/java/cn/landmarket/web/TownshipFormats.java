package cn.landmarket.web;

import java.time.LocalDate;

import io.quarkus.qute.TemplateExtension;

/** Small helpers of the township console's templates. */
@TemplateExtension
public final class TownshipFormats {

    private TownshipFormats() {
    }

    /** An element id for a field named as the API names it ({@code paymentTerms.mode} → {@code paymentTerms-mode}). */
    public static String domId(String field) {
        return field.replace('.', '-').replace('[', '-').replace(']', '-');
    }

    /** 2026-12-25, or a dash when there is no date. */
    public static String dayOrDash(LocalDate day) {
        return day == null ? "—" : day.toString();
    }
}
