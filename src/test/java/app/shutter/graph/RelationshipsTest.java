package app.shutter.graph;

import app.shutter.support.ApiTest;
import app.shutter.support.TestUsers;
import app.shutter.support.TestUsers.TestUser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared checks that posts, stories, notifications and chat rely on. */
@QuarkusTest
class RelationshipsTest extends ApiTest {

    @Inject
    Relationships relationships;

    private static void follow(TestUser follower, TestUser followee) {
        follower.request().post("/users/" + followee.username() + "/follow").then().statusCode(200);
    }

    @Test
    @Transactional
    void mutual_followers_need_both_accepted_follows_and_no_block() {
        TestUser a = TestUsers.create();
        TestUser b = TestUsers.create();
        follow(a, b);
        assertThat(relationships.areMutualFollowers(a.id(), b.id())).isFalse();
        follow(b, a);
        assertThat(relationships.areMutualFollowers(a.id(), b.id())).isTrue();
        assertThat(relationships.areMutualFollowers(b.id(), a.id())).isTrue();
        a.request().post("/users/" + b.username() + "/block").then().statusCode(204);
        assertThat(relationships.areMutualFollowers(a.id(), b.id())).isFalse();
        assertThat(relationships.blockedEitherWay(b.id(), a.id())).isTrue();
    }

    @Test
    @Transactional
    void content_of_a_private_account_is_for_its_accepted_followers() {
        TestUser owner = TestUsers.create();
        TestUser follower = TestUsers.create();
        TestUser stranger = TestUsers.create();
        assertThat(relationships.canSeeContent(stranger.id(), owner.id())).isTrue();
        owner.request().body(Map.of("isPrivate", true)).patch("/users/me").then().statusCode(200);
        follow(follower, owner);
        assertThat(relationships.canSeeContent(follower.id(), owner.id())).isFalse();
        owner.request().post("/follow-requests/" + follower.username() + "/accept").then().statusCode(204);
        assertThat(relationships.canSeeContent(follower.id(), owner.id())).isTrue();
        assertThat(relationships.canSeeContent(stranger.id(), owner.id())).isFalse();
        assertThat(relationships.canSeeContent(owner.id(), owner.id())).isTrue();
        owner.request().post("/users/" + follower.username() + "/block").then().statusCode(204);
        assertThat(relationships.canSeeContent(follower.id(), owner.id())).isFalse();
    }
}
