package app.shutter.it;

import app.shutter.chat.ChatError;
import app.shutter.support.ChatClient;
import io.restassured.path.json.JsonPath;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated hostile frames (jqwik) on the packaged application's chat socket, each on a fresh connection: whatever
 * arrives, the answer is an ack or an error frame with a documented code (never {@code unavailable}, the socket's
 * 5xx), a refused frame stores no message, and only a frame over the size limit closes the socket (1009).
 */
class HostileFramesIT {

    /** shutter.chat.max-frame-size: a longer frame closes the socket instead of being answered. */
    private static final int MAX_FRAME = 16_384;
    private static final Set<String> CODES = Arrays.stream(ChatError.values()).filter(c -> c != ChatError.UNAVAILABLE)
            .map(ChatError::value).collect(Collectors.toSet());

    private static FuzzTarget target;

    @BeforeContainer
    static void start() throws Exception {
        target = FuzzTarget.start();
    }

    @AfterContainer
    static void stop() throws Exception {
        target.close();
    }

    @Property(tries = 300)
    void hostile_chat_frames_get_an_ack_or_a_documented_error_and_a_refused_one_stores_nothing(
            @ForAll("frames") String frame) throws Exception {
        long before = target.count("select count(*) from messages");
        try (ChatClient socket = ChatClient.connect(target.chat(), target.token())) {
            socket.send(frame);
            if (frame.length() > MAX_FRAME) {
                assertThat(socket.closeCode()).as("a frame of %d characters", frame.length()).isEqualTo(1009);
                assertThat(target.count("select count(*) from messages")).isEqualTo(before);
                return;
            }
            JsonPath answer = socket.next();
            String type = answer.getString("type");
            assertThat(type).as("answer to %s", frame).isIn("ack", "error");
            long after = target.count("select count(*) from messages");
            if (type.equals("error")) {
                assertThat(answer.getString("code")).as("answer to %s", frame).isIn(CODES);
                assertThat(after).as("messages stored by a refused %s", frame).isEqualTo(before);
            } else {
                assertThat(answer.getLong("id")).isPositive();
                assertThat(after).as("an ack stores one message at most").isBetween(before, before + 1);
            }
        }
    }

    @Provide
    Arbitrary<String> frames() {
        // the client cannot send text that is not Unicode (a lone surrogate); the transport's 1007 is tested apart
        return Arbitraries.frequencyOf(Tuple.of(4, sendFrames()), Tuple.of(1, HostileValues.bodies()))
                .filter(frame -> StandardCharsets.UTF_8.newEncoder().canEncode(frame));
    }

    /** Objects with the frame's own fields, each left out or holding a real id, a wrong one or a hostile value. */
    private static Arbitrary<String> sendFrames() {
        Arbitrary<String> ids = Arbitraries.oneOf(
                Arbitraries.of(String.valueOf(target.bobId()), String.valueOf(target.anaId()), "0", "-1", "null",
                        "1.5", "true", "\"" + target.bobId() + "\"", "9223372036854775807", "9223372036854775808",
                        "{}", "[]"),
                Arbitraries.longs().map(String::valueOf));
        Arbitrary<String> stories = Arbitraries.oneOf(Arbitraries.just(String.valueOf(target.storyId())), ids);
        Arbitrary<String> texts = Arbitraries.oneOf(
                Arbitraries.of("\"hello\"", "\"\"", "\"  \"", "null", "1", "\"a\\u0000b\"",
                        HostileValues.quote("x".repeat(2000)), HostileValues.quote("x".repeat(2001))),
                HostileValues.scalars().map(HostileValues::quote));
        Arbitrary<String> clientIds = Arbitraries.oneOf(Arbitraries.of("\"c-1\"", "\"\"", "null", "7",
                        HostileValues.quote("c".repeat(64)), HostileValues.quote("c".repeat(65))),
                HostileValues.scalars().map(HostileValues::quote));
        return Combinators.combine(member("recipientId", ids), member("storyId", stories),
                        member("messageText", texts), member("clientId", clientIds), member("senderId", ids),
                        member("unknownField", Arbitraries.of("1", "\"x\"")).injectNull(0.8))
                .as((recipient, story, text, clientId, sender, unknown) -> Stream.of(recipient, story, text, clientId,
                        sender, unknown).filter(Objects::nonNull).collect(Collectors.joining(",", "{", "}")));
    }

    /** {@code "name": value}, or null (left out) for about a third of frames. */
    private static Arbitrary<String> member(String name, Arbitrary<String> values) {
        return values.map(value -> HostileValues.quote(name) + ":" + value).injectNull(0.35);
    }
}
