package app.shutter.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The home feed's pgbench script runs what the application runs (docs/performance.md, section 6). */
class PgbenchHomeFeedTest {

    @Test
    void the_pgbench_script_holds_the_statements_the_home_feed_runs_today() throws Exception {
        assertThat(Files.readString(Path.of("src/bench/pgbench/home-feed.sql")))
                .as("src/bench/pgbench/home-feed.sql is older than FeedService's statements: write it again with"
                        + " PgbenchHomeFeed script src/bench/pgbench/home-feed.sql")
                .isEqualTo(PgbenchHomeFeed.script());
    }
}
