package kz.hotline114.dashboard.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import kz.hotline114.dashboard.WallboardAccess;
import kz.hotline114.dashboard.WallboardProperties;

/**
 * The configured token, or one generated at first use and stored in {@code dashboard_settings} (the
 * first node to insert it wins; every node then reads the same). Tokens are compared as SHA-256
 * digests with {@link MessageDigest#isEqual}: constant time, and the length leaks nothing either.
 */
@Service
class JdbcWallboardAccess implements WallboardAccess {

    private static final String NAME = "wallboard-token";

    private final JdbcTemplate jdbc;
    private final @Nullable String configured;
    private volatile @Nullable String token;

    JdbcWallboardAccess(JdbcTemplate jdbc, WallboardProperties props) {
        this.jdbc = jdbc;
        this.configured = props.token() == null || props.token().isBlank() ? null : props.token().strip();
    }

    @Override
    public boolean accepts(@Nullable String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(sha256(token()), sha256(candidate));
    }

    @Override
    public String token() {
        var t = token;
        if (t == null) {
            t = configured != null ? configured : stored();
            token = t;
        }
        return t;
    }

    private String stored() {
        var bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        jdbc.update("insert into dashboard_settings (name, value) values (?, ?) on conflict (name) do nothing", NAME,
                Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        return jdbc.queryForObject("select value from dashboard_settings where name = ?", String.class, NAME);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
