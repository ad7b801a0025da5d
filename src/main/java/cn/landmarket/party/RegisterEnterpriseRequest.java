package cn.landmarket.party;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;


/** An enterprise's self-registration; the bank account must be in the enterprise's own name. */
public record RegisterEnterpriseRequest(
        @NotBlank @ValidCreditCode String creditCode,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String legalRepresentative,
        @NotBlank @Size(max = 100) String contactPerson,
        @NotBlank @Pattern(regexp = "^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$", message = "{phone.invalid}") String contactPhone,
        @NotBlank @Size(max = 300) String address,
        @NotBlank @Size(max = 100) String bankName,
        @NotBlank @Size(max = 200) String bankAccountName,
        @NotBlank @Pattern(regexp = "^[0-9]{8,34}$", message = "{bank-account.invalid}") String bankAccountNo) {
}
