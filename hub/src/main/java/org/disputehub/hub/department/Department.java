package org.disputehub.hub.department;

import java.util.Map;

/**
 * A destination for cases, declared as an instance of a {@code dispatch-{channel}} route template in
 * {@code routes/*.yaml}. {@code baseUrl}, {@code token} and {@code apiKey} belong to the {@code http} channel;
 * every template parameter is kept in {@code params} for the other channels.
 */
public record Department(String code, String name, String channel, String baseUrl, String token, String apiKey,
                         String routeId, Map<String, String> params) {

    @Override
    public String toString() {
        return "Department[" + code + " " + name + " via " + channel + "]";
    }
}
