package app.shutter.bench.load;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real-time delivery as the recipients saw it: latency from the moment the sender sent (taken in the same JVM,
 * so one clock) to the moment the recipient's socket or stream received the frame (Gatling's arrival
 * timestamp), and every item sent against every item received. Gatling's own report measures request/response
 * pairs; this measures the fan-out, which no single request shows.
 */
final class Deliveries {

    private final String name;
    private final Histogram latencies = new Histogram(60_000, 3);
    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final Set<String> received = ConcurrentHashMap.newKeySet();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();

    Deliveries(String name) {
        this.name = name;
    }

    void sent(String key) {
        sent.add(key);
    }

    /** A receipt of {@code key}, sent at {@code sentAtMillis} and received at {@code receivedAtMillis}. */
    void received(String key, long sentAtMillis, long receivedAtMillis) {
        if (!received.add(key)) {
            duplicates.incrementAndGet();
            return;
        }
        synchronized (latencies) {
            latencies.recordValue(Math.max(0, Math.min(60_000, receivedAtMillis - sentAtMillis)));
        }
    }

    /** The same item arrived again under another key (e.g. a notification id seen twice). */
    void duplicate() {
        duplicates.incrementAndGet();
    }

    void unexpected() {
        unexpected.incrementAndGet();
    }

    /** Prints and writes (target/gatling/NAME-delivery.txt) the counts and the latency percentiles. */
    String report() {
        long lost = sent.stream().filter(key -> !received.contains(key)).count();
        long neverSent = received.stream().filter(key -> !sent.contains(key)).count();
        String report;
        synchronized (latencies) {
            report = """
                    %s delivery
                      sent (acknowledged)   %d
                      received (distinct)   %d
                      lost                  %d
                      duplicated            %d
                      received, never sent  %d
                      unexpected frames     %d
                      latency ms  p50 %d  p95 %d  p99 %d  max %d  (n=%d)
                    """.formatted(name, sent.size(), received.size(), lost, duplicates.get(), neverSent,
                    unexpected.get(), latencies.getValueAtPercentile(50), latencies.getValueAtPercentile(95),
                    latencies.getValueAtPercentile(99), latencies.getMaxValue(), latencies.getTotalCount());
        }
        System.out.println(report);
        try {
            Path file = Path.of(System.getProperty("bench.out", "target/gatling"), name + "-delivery.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return report;
    }
}
