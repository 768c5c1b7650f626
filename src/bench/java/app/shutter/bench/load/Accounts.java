package app.shutter.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Logs generated accounts in once, before the load starts, so every virtual user carries a token for the whole
 * run (the bench profile makes access tokens last 6 hours) and login does not mix into the measured traffic.
 */
final class Accounts {

    record Account(int n, long id, String username, String token) {

        Map<String, Object> asSession() {
            Map<String, Object> values = new HashMap<>();
            values.put("n", n);
            values.put("userId", id);
            values.put("username", username);
            values.put("token", token);
            return values;
        }
    }

    /** The data set makes bench2k-1 and bench2k mutual followers: the chat scenario's pairs. */
    static String chatPartner(int n) {
        return "bench" + (n % 2 == 1 ? n + 1 : n - 1);
    }

    static List<Map<String, Object>> sessions(List<Account> accounts) {
        return accounts.stream().map(Account::asSession).toList();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private Accounts() {
    }

    /** The accounts bench{n} for each n, logged in with at most 32 logins in flight, in the order given. */
    static List<Account> login(List<Integer> numbers) {
        HttpClient client = HttpClient.newHttpClient();
        Semaphore inFlight = new Semaphore(32);
        long started = System.nanoTime();
        List<CompletableFuture<Account>> logins = numbers.stream()
                .map(n -> {
                    inFlight.acquireUninterruptibly();
                    return loginOne(client, n).whenComplete((account, failure) -> inFlight.release());
                }).toList();
        List<Account> accounts = new ArrayList<>(logins.stream().map(CompletableFuture::join).toList());
        System.out.printf("logged in %d accounts in %.1f s%n", numbers.size(), (System.nanoTime() - started) / 1e9);
        return Collections.unmodifiableList(accounts);
    }

    private static CompletableFuture<Account> loginOne(HttpClient client, int n) {
        String body = "{\"login\":\"bench" + n + "\",\"password\":\"" + Bench.PASSWORD + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(Bench.BASE_URL + "/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("login of bench" + n + ": " + response.statusCode() + " "
                        + response.body());
            }
            try {
                JsonNode tokens = JSON.readTree(response.body());
                return new Account(n, tokens.path("user").path("id").asLong(),
                        tokens.path("user").path("username").asText(), tokens.path("accessToken").asText());
            } catch (Exception e) {
                throw new IllegalStateException("login response of bench" + n, e);
            }
        });
    }
}
