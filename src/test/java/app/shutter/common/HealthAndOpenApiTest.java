package app.shutter.common;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class HealthAndOpenApiTest {

    @Test
    void readiness_checks_the_database_and_the_cluster_events_connection() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.find { it.name == 'cluster-events' }.status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void the_openapi_document_describes_the_endpoints_and_bearer_auth() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/auth/register'.post", notNullValue())
                .body("paths.'/users/me'.patch", notNullValue())
                .body("paths.'/users/{username}'.get", notNullValue())
                .body("paths.'/users'.get.parameters.name", hasItem("q"))
                .body("paths.'/users/{username}/follow'.post", notNullValue())
                .body("paths.'/users/{username}/follow'.delete", notNullValue())
                .body("paths.'/users/{username}/follower'.delete", notNullValue())
                .body("paths.'/users/{username}/followers'.get", notNullValue())
                .body("paths.'/users/{username}/following'.get", notNullValue())
                .body("paths.'/users/{username}/block'.post", notNullValue())
                .body("paths.'/users/{username}/block'.delete", notNullValue())
                .body("paths.'/users/me/blocked'.get", notNullValue())
                .body("paths.'/follow-requests'.get", notNullValue())
                .body("paths.'/follow-requests/{requesterUsername}/accept'.post", notNullValue())
                .body("paths.'/follow-requests/{requesterUsername}/decline'.post", notNullValue())
                .body("paths.'/posts/{postId}/comments'.post", notNullValue())
                .body("paths.'/comments/{id}/replies'.get", notNullValue())
                .body("paths.'/tags/{tag}/posts'.get", notNullValue())
                .body("paths.'/explore'.get", notNullValue())
                .body("paths.'/notifications'.get", notNullValue())
                .body("paths.'/notifications/unread-count'.get", notNullValue())
                .body("paths.'/notifications/{id}/read'.post", notNullValue())
                .body("paths.'/notifications/read-all'.post", notNullValue())
                .body("paths.'/notifications/stream'.get.responses.'200'.content", hasKey("text/event-stream"))
                .body("paths.'/notifications/stream'.get.parameters.name", hasItem("Last-Event-ID"))
                .body("paths.'/stories'.post", notNullValue())
                .body("paths.'/stories/feed'.get", notNullValue())
                .body("paths.'/stories/{id}/view'.post", notNullValue())
                .body("paths.'/stories/{id}/viewers'.get", notNullValue())
                .body("paths.'/users/{username}/stories'.get", notNullValue())
                .body("paths.'/chats'.get", notNullValue())
                .body("paths.'/chats/{userId}/messages'.get", notNullValue())
                .body("paths.'/chats/{userId}/read'.post", notNullValue())
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.'/users/me'.get.security[0].bearer", notNullValue())
                .body("paths.'/auth/register'.post.security", nullValue())
                .body("paths.'/auth/register'.post.responses.'409'.content.'application/problem+json'.schema.$ref",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/users/me'.get.responses.'401'", notNullValue())
                .body("components.schemas.Problem", notNullValue());
    }

    @Test
    void swagger_ui_is_served() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void the_profile_patch_schema_lists_exactly_the_fields_the_server_accepts() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.ProfilePatch.properties.keySet()",
                        org.hamcrest.Matchers.containsInAnyOrder("name", "bio", "website", "phone", "isPrivate"));
    }
}
