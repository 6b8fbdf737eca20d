package org.disputehub.canonical.model;

/** Where the matter is. Coordinates are WGS84, both or neither. */
public record Location(String address, String regionCode, String gridCode, Double lon, Double lat) {
}
