package kz.hotline114.dashboard;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The wall-board ({@code hotline.wallboard.*}).
 *
 * @param token the read-only token the wall-board page connects with ({@code HOTLINE_WALLBOARD_TOKEN});
 *              empty = one generated at first start, kept in the database and shown to admins on the dashboard
 */
@ConfigurationProperties("hotline.wallboard")
public record WallboardProperties(@Nullable String token) {
}
