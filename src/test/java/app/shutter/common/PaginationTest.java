package app.shutter.common;

import app.shutter.common.error.ApiException;
import app.shutter.common.pagination.Cursor;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaginationTest {

    @Test
    void a_cursor_survives_encoding_with_microsecond_precision() {
        Cursor cursor = new Cursor(Instant.parse("2026-11-21T10:15:30.123456Z"), 987654321L);
        assertThat(Cursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void an_unreadable_cursor_is_a_400_naming_the_field() {
        assertThatThrownBy(() -> Cursor.decode("%%%not-base64"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors().get(0).field()).isEqualTo("cursor");
                });
    }

    @Test
    void limit_defaults_to_20_and_must_be_1_to_50() {
        assertThat(PageRequest.of(null, null).limit()).isEqualTo(20);
        assertThat(PageRequest.of("50", null).limit()).isEqualTo(50);
        for (String bad : new String[] {"0", "51", "-1", "ten"}) {
            assertThatThrownBy(() -> PageRequest.of(bad, null))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
        }
    }

    @Test
    void a_page_has_a_next_cursor_only_when_more_rows_exist() {
        Instant t = Instant.parse("2026-11-21T10:00:00Z");
        List<Cursor> rows = List.of(new Cursor(t, 3), new Cursor(t, 2), new Cursor(t, 1));
        Page<Long> first = Page.of(rows, PageRequest.of("2", null), Cursor::encode, Cursor::id);
        assertThat(first.items()).containsExactly(3L, 2L);
        assertThat(Cursor.decode(first.nextCursor())).isEqualTo(new Cursor(t, 2));
        Page<Long> last = Page.of(rows.subList(2, 3), PageRequest.of("2", null), Cursor::encode, Cursor::id);
        assertThat(last.items()).containsExactly(1L);
        assertThat(last.nextCursor()).isNull();
    }
}
