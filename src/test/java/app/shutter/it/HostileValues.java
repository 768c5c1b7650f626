package app.shutter.it;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.List;

/** Generators of hostile input: values for ids and parameters, and JSON (or not-quite-JSON) bodies. */
final class HostileValues {

    private static final List<String> NASTY = List.of("0", "-1", "-0", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "99999999999999999999999999999", "1e3", "1.5", "0x10", "NaN", "Infinity", "null",
            "true", "[]", "{}", "", " ", "%", "\u0000", ";drop table users;--", "' or '1'='1", "../../etc/passwd",
            "١٢٣", "１２３", "𝟙𝟚𝟛", "<script>alert(1)</script>", " 1", "1 ", "\uD800", "eyJhbGciOiJub25lIn0",
            "a".repeat(600));
    private static final List<String> FIELDS = List.of("text", "caption", "username", "email", "password", "login",
            "refreshToken", "bio", "fullName", "isPrivate", "parentId", "recipientId", "messageText", "clientId",
            "currentPassword", "newPassword", "upTo", "website", "id", "role", "userId");

    private HostileValues() {
    }

    static Arbitrary<String> scalars() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(NASTY)),
                Tuple.of(2, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(1, Arbitraries.strings().ofMinLength(100).ofMaxLength(400)));
    }

    static Arbitrary<String> bodies() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, json(3)),
                Tuple.of(1, Arbitraries.integers().between(1, 5000).map(d -> "[".repeat(d) + "]".repeat(d))),
                Tuple.of(1, Arbitraries.integers().between(1, 3000)
                        .map(d -> "{\"text\":".repeat(d) + "1" + "}".repeat(d))),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(100)),
                // a known field named twice (records cannot take it; it was a 500)
                Tuple.of(1, Arbitraries.of(FIELDS).map(f -> "{" + quote(f) + ":\"a\"," + quote(f) + ":\"b\"}")),
                Tuple.of(1, Arbitraries.of("{\"text\": \"unterminated", "{", "}", "[", "\"\"", "null",
                        "{\"text\": 1e999999}", "{\"parentId\": 123456789012345678901234567890}",
                        "{\"text\": \"\\ud800\"}", "{\"a\":1,\"a\":2}", "\uFEFF{}")),
                // around the 1 MB JSON limit (shutter.http.max-json-body-size)
                Tuple.of(1, Arbitraries.of(10_000, 1_048_000, 1_048_600, 1_200_000)
                        .map(n -> "{\"text\": \"" + "x".repeat(n) + "\"}")));
    }

    /** JSON objects with the API's field names (and others), values of every type, nested up to {@code depth}. */
    private static Arbitrary<String> json(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(
                Arbitraries.of(NASTY).map(HostileValues::quote),
                Arbitraries.strings().all().ofMaxLength(60).map(HostileValues::quote),
                Arbitraries.of("null", "true", "false", "0", "-1", "1.5", "1e308", "-1e-308", "9223372036854775808",
                        "123456789012345678901234567890"),
                Arbitraries.longs().map(String::valueOf));
        Arbitrary<String> field = Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.strings().ofMaxLength(10));
        return Arbitraries.recursive(() -> leaf, inner -> Arbitraries.frequencyOf(
                Tuple.of(4, Combinators.combine(field, inner).as((name, v) -> quote(name) + ":" + v)
                        .list().ofMaxSize(5).map(members -> "{" + String.join(",", members) + "}")),
                Tuple.of(1, inner.list().ofMaxSize(3).map(items -> "[" + String.join(",", items) + "]"))), 0, depth);
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
