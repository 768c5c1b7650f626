package app.shutter.chat;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ChatAnnouncementTest {

    private static final ChatFrames.Message MESSAGE = new ChatFrames.Message(7, 1, 2, "hi", Instant.EPOCH, null);

    @Test
    void a_message_frame_that_fits_rides_along_with_its_ids() {
        ChatAnnouncement parsed = ChatAnnouncement.parse(ChatAnnouncement.message(MESSAGE, "conn-1", "{\"a\":\"b:c\"}"));
        assertThat(parsed).isEqualTo(new ChatAnnouncement('m', 7, 1, 2, "conn-1", "{\"a\":\"b:c\"}"));
    }

    @Test
    void a_frame_over_postgresqls_payload_limit_is_left_out_counting_bytes_not_characters() {
        String threeBytesEach = "界".repeat(2_700);
        assertThat(threeBytesEach.length()).isLessThan(ChatAnnouncement.MAX_PAYLOAD_BYTES);
        String payload = ChatAnnouncement.message(MESSAGE, "conn-1", threeBytesEach);
        assertThat(payload).isEqualTo("m:7:1:2:conn-1");
        assertThat(ChatAnnouncement.parse(payload).frame()).isNull();
        String fits = "界".repeat(2_600);
        assertThat(ChatAnnouncement.message(MESSAGE, "conn-1", fits).getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(ChatAnnouncement.MAX_PAYLOAD_BYTES);
        assertThat(ChatAnnouncement.parse(ChatAnnouncement.message(MESSAGE, "conn-1", fits)).frame()).isEqualTo(fits);
    }

    @Test
    void an_announcement_by_an_earlier_version_is_read_as_ids_only() {
        assertThat(ChatAnnouncement.parse("m:42:3f2a9c1e-0b7d-4e1a-9c55-1d2e3f4a5b6c"))
                .isEqualTo(new ChatAnnouncement('m', 42, 0, 0, "3f2a9c1e-0b7d-4e1a-9c55-1d2e3f4a5b6c", null));
        assertThat(ChatAnnouncement.parse("m:42:")).isEqualTo(new ChatAnnouncement('m', 42, 0, 0, "", null));
    }

    @Test
    void a_read_receipt_round_trips() {
        assertThat(ChatAnnouncement.parse(ChatAnnouncement.read(3, 4, 99)))
                .isEqualTo(new ChatAnnouncement('r', 3, 4, 99, "", null));
    }
}
