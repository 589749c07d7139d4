package kz.hotline114.security;

/**
 * A user's account changed in a way that must end their open sessions: disabled, roles changed, password reset.
 * The console expires every session of that user on it.
 */
public record UserAccountChanged(String username) {
}
