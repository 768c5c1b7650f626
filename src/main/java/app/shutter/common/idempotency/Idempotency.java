package app.shutter.common.idempotency;

import app.shutter.common.error.ApiException;
import app.shutter.common.persistence.AdvisoryLocks;
import app.shutter.common.persistence.Rows;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on creating requests: the same key and the same request within the retention answer
 * the first response and create nothing; the same key with another request is a 422; while the first still runs,
 * a 409. Keys are per account.
 * <p>
 * The key is claimed in a transaction of its own, committed before the work starts, with a lease: a crash leaves
 * it retryable once the lease ends. The work completes the key in the transaction that creates the resource
 * ({@link Claim#created}), so a resource and its key commit together and a retry can never create a second one.
 * A request that fails releases its key.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY = 255;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    IdempotencyConfig config;

    /** What the work calls, inside the transaction that creates the resource. */
    public interface Claim {
        void created(URI location, Object body);
    }

    /**
     * @param key         the header's value, or null (then the work just runs)
     * @param fingerprint what identifies the request (a digest of its method, path and content), computed only
     *                    when a key came
     * @param work        creates the resource, calling {@link Claim#created} in its transaction; answers the 201
     */
    public Response once(long user, String key, Supplier<String> fingerprint, Function<Claim, Response> work) {
        if (key == null) {
            return work.apply((location, body) -> {
            });
        }
        if (key.isBlank() || key.length() > MAX_KEY || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw ApiException.invalidField(HEADER, "must be 1-255 printable ASCII characters");
        }
        String digest = fingerprint.get();
        Response earlier = QuarkusTransaction.requiringNew().call(() -> claim(user, key, digest));
        if (earlier != null) {
            return earlier;
        }
        try {
            return work.apply((location, body) -> complete(user, key, location, body));
        } catch (RuntimeException | Error e) {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "delete from idempotency_keys where user_id = :user and key = :key and lease_until is not null")
                    .setParameter("user", user).setParameter("key", key).executeUpdate());
            throw e;
        }
    }

    /** Null when this request now holds the key; else the answer to give instead of running it. */
    private Response claim(long user, String key, String fingerprint) {
        // a new key, or one whose holder's lease ran out, or one older than the retention: this request takes it
        List<?> taken = em.createNativeQuery("""
                        insert into idempotency_keys (user_id, key, fingerprint, lease_until)
                        values (:user, :key, :fingerprint, now() + cast(:lease as interval))
                        on conflict (user_id, key) do update
                           set fingerprint = excluded.fingerprint, lease_until = excluded.lease_until,
                               response_status = null, location = null, response_body = null, created_at = now()
                         where idempotency_keys.created_at < now() - cast(:retention as interval)
                            or (idempotency_keys.lease_until < now()
                                and idempotency_keys.fingerprint = excluded.fingerprint)
                        returning 1""")
                .setParameter("user", user).setParameter("key", key).setParameter("fingerprint", fingerprint)
                .setParameter("lease", config.lease().toSeconds() + " seconds")
                .setParameter("retention", config.retention().toSeconds() + " seconds").getResultList();
        if (!taken.isEmpty()) {
            return null;
        }
        Tuple row = Rows.single(em.createNativeQuery("""
                        select fingerprint, response_status, location, response_body from idempotency_keys
                        where user_id = :user and key = :key""", Tuple.class)
                .setParameter("user", user).setParameter("key", key));
        if (!fingerprint.equals(Rows.text(row, "fingerprint"))) {
            throw ApiException.unprocessable("This Idempotency-Key was used for a different request");
        }
        if (Rows.isNull(row, "response_status")) {
            throw ApiException.conflict("The first request with this Idempotency-Key is still running; retry later");
        }
        return Response.status(Rows.count(row, "response_status")).location(URI.create(Rows.text(row, "location")))
                .entity(Rows.text(row, "response_body")).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotent-Replayed", "true").build();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void complete(long user, String key, URI location, Object body) {
        try {
            em.createNativeQuery("""
                            update idempotency_keys set lease_until = null, response_status = 201, location = :location,
                                   response_body = :body
                            where user_id = :user and key = :key""")
                    .setParameter("location", location.toString()).setParameter("body", json.writeValueAsString(body))
                    .setParameter("user", user).setParameter("key", key).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response body that cannot be written as JSON", e);
        }
    }

    /** Forgets keys past the retention, in batches; one instance at a time. */
    @Scheduled(identity = "idempotency-cleanup", every = "1h", delayed = "2m")
    @Transactional
    void forgetOldKeys() {
        if (AdvisoryLocks.tryForTransaction(em, "idempotency-cleanup")) {
            em.createNativeQuery("""
                            delete from idempotency_keys where ctid in (select ctid from idempotency_keys
                            where created_at < now() - cast(:retention as interval) limit 10000)""")
                    .setParameter("retention", config.retention().toSeconds() + " seconds").executeUpdate();
        }
    }
}
