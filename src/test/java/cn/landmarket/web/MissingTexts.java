package cn.landmarket.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import cn.landmarket.testing.Browser;

/**
 * What a page in the browser shows where one of its texts is missing: Qute's {@code NOT_FOUND} or a
 * {@code ???}, an expression left as written ({@code {ent:key}}), a problem message key printed as it
 * is (what {@code Localizer} writes for a key it lacks, e.g. {@code bid.not-qualified}), a label that
 * came out empty (an enum value a {@code {#when}} message has no branch for), and, on an English page,
 * Chinese interface text (a text that fell back to the default language) outside the data the page
 * shows (names, titles, the confirmation text) and outside what is marked {@code lang="zh-CN"}.
 */
final class MissingTexts {

    /** Chinese that is data on the enterprise pages and the room, not interface text. */
    static final List<String> DATA = List.of("芦溪镇增减挂钩节余指标挂牌出让", "测试企业", "绵阳市公共资源交易中心竞买保证金专户",
            "中国农业银行绵阳分行", "整体挂牌");

    private static final Pattern CJK = Pattern.compile("[\\x{3400}-\\x{9FFF}]");

    private static final String SCRIPT = """
            var out = [];
            var html = document.documentElement.outerHTML;
            ['NOT_FOUND', '???'].forEach(function (m) { if (html.indexOf(m) >= 0) out.push('marker: ' + m); });
            (html.match(/\\{[a-z]+:[a-z_]+[^}]*\\}/g) || []).forEach(function (m) { out.push('unrendered: ' + m); });
            var KEY = /(^|[^\\w.\\/@-])([a-z]+(?:-[a-z]+)*(?:\\.[a-z]+(?:-[a-z]+)*)+)(?![\\w\\/@])/;
            var DATA_PARTS = 'pre, code, .code, .hash, script, style';
            function walk(root, inTemplate) {
              var w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
              while (w.nextNode()) {
                var n = w.currentNode, text = n.nodeValue.trim(), e = n.parentElement;
                if (!text || !e) { continue; }
                if (!e.closest(DATA_PARTS)) {
                  var k = KEY.exec(text);
                  if (k) { out.push('message key? ' + k[2] + ' in "' + text + '"'); }
                }
                if (!e.closest('[lang^="zh"], [hreflang^="zh"], ' + DATA_PARTS)) {
                  out.push('text: ' + text);
                }
              }
            }
            walk(document.body, false);
            document.querySelectorAll('template').forEach(function (t) { walk(t.content, true); });
            document.querySelectorAll('[aria-label], [title], [placeholder], [alt]').forEach(function (e) {
              ['aria-label', 'title', 'placeholder', 'alt'].forEach(function (a) {
                if (e.hasAttribute(a)) { out.push('text: ' + e.getAttribute(a)); }
              });
            });
            document.querySelectorAll('*').forEach(function (e) {
              Array.prototype.forEach.call(e.attributes, function (a) {
                if (/^data-(msg-|copied|copy-failed)/.test(a.name)) { out.push('text: ' + a.value); }
              });
            });
            out.push('text: ' + document.title);
            var LABELS = '.badge, dt, dd, th, td, label, legend, button, h1, h2, h3, a';
            document.querySelectorAll(LABELS).forEach(function (e) {
              if (!e.closest('template') && !(e.textContent || '').trim() && !e.getAttribute('aria-label')) {
                out.push('empty: ' + e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className);
              }
            });
            return out;""";

    private MissingTexts() {
    }

    /** Every sign of a missing text on the page now open in the browser; empty when there is none. */
    @SuppressWarnings("unchecked")
    static List<String> on(Browser b) {
        boolean english = "en".equals(b.script("return document.documentElement.lang;"));
        List<String> problems = new ArrayList<>();
        for (String found : (List<String>) b.script(SCRIPT)) {
            if (!found.startsWith("text: ")) {
                problems.add(found);
                continue;
            }
            String text = found.substring("text: ".length());
            for (String data : DATA) {
                text = text.replace(data, "");
            }
            if (english && CJK.matcher(text).find()) {
                problems.add("Chinese on the English page: " + found.substring("text: ".length()));
            }
        }
        return problems;
    }
}
