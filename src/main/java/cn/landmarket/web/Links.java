package cn.landmarket.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Building page links safely. */
public final class Links {

    private Links() {
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * A path on this site to return to, or {@code /}: an absolute URL, a scheme-relative {@code //host}
     * or a backslash trick never leaves the site (no open redirect).
     */
    public static String localPath(String back) {
        if (back == null || back.isEmpty() || back.charAt(0) != '/' || back.startsWith("//") || back.contains("\\")
                || back.chars().anyMatch(Character::isISOControl)) {
            return "/";
        }
        return back;
    }
}
