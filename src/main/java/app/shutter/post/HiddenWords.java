package app.shutter.post;

import app.shutter.common.error.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Words and phrases an account hides from the comments on its posts, matched as whole words after case and accent
 * folding (the database's shutter_word_pattern). A comment that holds one is shown to its own author only; the
 * flag is set when a comment is written ({@link PostQueries#commentGate}) and for every comment on the account's
 * posts when the list changes.
 */
@ApplicationScoped
public class HiddenWords {

    static final int MAX_WORDS = 200;
    static final int MAX_LENGTH = 100;

    public record Words(@Schema(description = "Words and phrases, at most 200, each at most 100 characters")
                        List<String> words) {
    }

    @Inject
    EntityManager em;

    @Transactional
    public Words list(long userId) {
        @SuppressWarnings("unchecked")
        List<String> words = em.createNativeQuery("select phrase from hidden_words where user_id = :user"
                + " order by created_at, phrase").setParameter("user", userId).getResultList();
        return new Words(words);
    }

    /** Replaces the list; existing comments on the account's posts are hidden or shown again to match it. */
    @Transactional
    public Words replace(long userId, Words request) {
        List<String> words = checked(request);
        if (!words.isEmpty()) {
            // a phrase that folds to nothing (a lone combining accent) would make an empty pattern, which every
            // comment matches
            List<?> empty = em.createNativeQuery("select w from unnest(string_to_array(:words, E'\\n')) w"
                            + " where shutter_word_pattern(w) = '' limit 1")
                    .setParameter("words", String.join("\n", words)).getResultList();
            if (!empty.isEmpty()) {
                throw ApiException.invalidField("words", "each must hold a letter, digit or sign that is not only an"
                        + " accent or a space");
            }
        }
        em.createNativeQuery("delete from hidden_words where user_id = :user").setParameter("user", userId)
                .executeUpdate();
        if (!words.isEmpty()) {
            // one statement for the whole list: the words travel as one text, a line each (none holds a newline)
            em.createNativeQuery("""
                            insert into hidden_words (user_id, phrase, pattern)
                            select :user, btrim(w), shutter_word_pattern(w) from unnest(string_to_array(:words, E'\\n')) w
                            on conflict do nothing""")
                    .setParameter("user", userId).setParameter("words", String.join("\n", words)).executeUpdate();
        }
        em.createNativeQuery("""
                        update comments c set hidden_by_words = not c.hidden_by_words
                        from posts p
                        where p.id = c.post_id and c.author_id <> :user and %s
                          and c.hidden_by_words <> exists (select 1 from hidden_words h where h.user_id = :user
                                                           and shutter_fold(c.text) ~ h.pattern)"""
                        .formatted(PostQueries.ALL_OF_AUTHOR_SQL.replace(":id", ":user")))
                .setParameter("user", userId).executeUpdate();
        return list(userId);
    }

    private static List<String> checked(Words request) {
        if (request == null || request.words() == null) {
            throw ApiException.invalidField("words", "is required (an empty list clears it)");
        }
        if (request.words().size() > MAX_WORDS) {
            throw ApiException.invalidField("words", "must hold at most " + MAX_WORDS + " words or phrases");
        }
        for (String word : request.words()) {
            if (word == null || word.isBlank() || word.length() > MAX_LENGTH || word.chars().anyMatch(Character::isISOControl)) {
                throw ApiException.invalidField("words", "each must be 1-" + MAX_LENGTH + " characters on one line");
            }
        }
        return request.words();
    }
}
