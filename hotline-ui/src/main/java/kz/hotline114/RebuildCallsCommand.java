package kz.hotline114;

import java.time.Instant;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import kz.hotline114.calls.CallLog;

/**
 * {@code java -jar hotline-ui.jar --rebuild-calls --from=2026-11-01T00:00:00Z --to=2026-12-01T00:00:00Z}:
 * re-interprets the calls whose events were received in the period from the raw journal, replaces
 * their rows, prints what it did and exits. No PBX link, no fixed port (see {@link HotlineApplication}).
 */
@Component
@ConditionalOnProperty("rebuild-calls")
class RebuildCallsCommand implements ApplicationRunner {

    private final CallLog calls;

    RebuildCallsCommand(CallLog calls) {
        this.calls = calls;
    }

    @Override
    public void run(ApplicationArguments args) {
        var from = Instant.parse(single(args, "from"));
        var to = Instant.parse(single(args, "to"));
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("rebuild-command",
                "n/a", List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        var result = calls.rebuild(from, to);
        System.out.printf("Rebuilt %s – %s from the journal: %d linkedids, %d call rows written, %d removed%n", from, to,
                result.linkedids(), result.calls(), result.removed());
    }

    private static String single(ApplicationArguments args, String name) {
        var values = args.getOptionValues(name);
        if (values == null || values.size() != 1) {
            throw new IllegalArgumentException("--rebuild-calls needs --" + name + "=<ISO-8601 instant>");
        }
        return values.getFirst();
    }
}
