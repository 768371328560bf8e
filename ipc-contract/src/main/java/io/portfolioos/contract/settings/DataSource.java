package io.portfolioos.contract.settings;

/**
 * Where one kind of market data comes from.
 *
 * @param id stable identifier, e.g. {@code yahoo}
 * @param kind what it provides: {@code PRICES} or {@code MACRO}
 * @param rateLimitPerMinute the most requests the app sends it per minute
 * @param enabled only enabled sources are contacted
 */
public record DataSource(
    String id, String name, String kind, String baseUrl, int rateLimitPerMinute, boolean enabled) {}
