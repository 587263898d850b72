package dev.homebudget.config;

/** v1 body of config/show; keys in the original's order. */
record ConfigView(String env, String database_url, int pool_size, String host, int port) {
}
