package app.shutter.auth;

import app.shutter.common.pagination.Keyset;
import app.shutter.common.pagination.Page;
import app.shutter.common.pagination.PageRequest;
import app.shutter.common.persistence.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Reads an account's live sessions for its owner. */
@ApplicationScoped
public class SessionList {

    @Inject
    EntityManager em;

    /** Live (not ended, not expired) sessions of {@code userId}, newest first; {@code current} is marked. */
    @Transactional
    public Page<SessionView> of(long userId, long current, PageRequest page) {
        return Page.of(Rows.list(Keyset.query(em, "select s.id, s.created_at, s.last_refreshed_at, s.user_agent,"
                        + " s.client_network, " + Keyset.key("s.created_at", "s.id") + " from sessions s"
                        + " where s.user_id = :user and s.revoked_at is null and s.expires_at > now() %s"
                        + " order by s.created_at desc, s.id desc", "(s.created_at, s.id)", page)
                .setParameter("user", userId)), page, Keyset::position, row -> new SessionView(Rows.id(row, "id"),
                Rows.instant(row, "created_at"), Rows.instant(row, "last_refreshed_at"), Rows.text(row, "user_agent"),
                Rows.text(row, "client_network"), Rows.id(row, "id") == current));
    }
}
