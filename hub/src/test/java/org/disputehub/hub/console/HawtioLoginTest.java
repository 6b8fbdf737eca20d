package org.disputehub.hub.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Hawtio's own login page against the hub's users: the page and its login methods are public, its JSON login
 * opens a session in which Hawtio knows the user and its logout ends it, a wrong password or a form post is
 * refused, and a browser that asks for a console page without a session is sent to that login page.
 */
class HawtioLoginTest extends ConsoleTestBase {

    @Test
    void hawtiosLoginPageLogsAViewerIn() throws Exception {
        HttpResponse<String> methods = get(null, "/actuator/hawtio/auth/config/login");
        assertThat(methods.statusCode()).isEqualTo(200);
        assertThat(methods.body()).contains("\"method\":\"form\"", "\"url\":\"auth/login\"", "\"type\":\"json\"");
        assertThat(get(null, "/actuator/hawtio/").statusCode()).isEqualTo(200);

        HttpResponse<String> login = login("viewer", "viewer", "application/json");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String session = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        HttpResponse<String> user = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/hawtio/user"))
                .header("Cookie", session).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body().trim()).isEqualTo("\"viewer\"");

        HttpResponse<String> logout = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/hawtio/auth/logout"))
                .header("Cookie", session).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isEqualTo(302);
        HttpResponse<String> after = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/hawtio/user"))
                .header("Cookie", session).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).as("the session ends with the logout").isEqualTo(401);
    }

    @Test
    void aWrongPasswordOrAFormPostIsRefused() throws Exception {
        assertThat(login("viewer", "wrong", "application/json").statusCode()).isEqualTo(403);
        assertThat(login("nobody", "viewer", "application/json").statusCode()).isEqualTo(403);
        assertThat(login("viewer", "viewer", "application/x-www-form-urlencoded").statusCode()).isEqualTo(415);
        assertThat(get(null, "/actuator/hawtio/user").statusCode()).isEqualTo(401);
    }

    @Test
    void aBrowserWithoutSessionIsSentToHawtiosLoginPage() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/hawtio/camel/routes"))
                .header("Accept", "text/html,application/xhtml+xml").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/actuator/hawtio/login"));
        assertThat(get(null, "/actuator/jolokia/version").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> login(String user, String password, String contentType) throws Exception {
        String body = contentType.contains("json") ? "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"
                : "username=" + user + "&password=" + password;
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/hawtio/auth/login"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
