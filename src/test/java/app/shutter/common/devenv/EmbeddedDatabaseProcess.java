package app.shutter.common.devenv;

import java.nio.file.Path;
import java.util.Map;

/** A JVM that starts the embedded PostgreSQL as dev mode and the demo jar do, then waits to be stopped. */
public final class EmbeddedDatabaseProcess {

    private EmbeddedDatabaseProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedDatabase db = EmbeddedPostgresLauncher.start(Path.of(args[0]), 0, Map.of());
        System.out.println("READY " + db.jdbcUrl());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
