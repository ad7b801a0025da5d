package cn.landmarket.asset;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/** A document behind a certificate: approval, acceptance (验收), filing, survey or vote record. */
public record CertificateDocument(
        @NotNull Kind kind,
        @NotBlank @Size(max = 60) String number,
        @NotNull @PastOrPresent LocalDate issuedOn,
        @Size(max = 200) String title) {

    /** The kinds of supporting document. */
    public enum Kind {
        APPROVAL, ACCEPTANCE, FILING, SURVEY, VOTE, OTHER
    }
}
