package kz.hotline114.ui.calls;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import kz.hotline114.calls.Misdialers;

/**
 * What the PBX asks before the menu (issue 17): {@code GET /pbx/misdialer?number=<caller id>} with the header
 * {@code X-Hotline-Token: <hotline.pbx-lookup.token>} answers {@code 1} (a known misdialer: play the 1414 message) or
 * {@code 0}, as plain text. Least privilege: the token opens this yes/no and nothing else, and the answer is no more
 * than the PBX already knows about its caller. Without a token configured the look-up does not exist (404); a wrong
 * token gets 403. The dialplan treats anything but {@code 1} — no answer in time included — as "the menu": fail-open.
 */
@RestController
class PbxLookupApi {

    private final Misdialers misdialers;
    private final byte[] token;

    PbxLookupApi(Misdialers misdialers, @Value("${hotline.pbx-lookup.token:}") String token) {
        this.misdialers = misdialers;
        this.token = token.strip().getBytes(StandardCharsets.UTF_8);
    }

    @GetMapping("/pbx/misdialer")
    ResponseEntity<String> misdialer(@RequestHeader(name = "X-Hotline-Token", required = false) @Nullable String given,
                                     @RequestParam(required = false) @Nullable String number) {
        if (token.length == 0) {
            return answer(HttpStatus.NOT_FOUND, "0");
        }
        if (given == null || !MessageDigest.isEqual(token, given.strip().getBytes(StandardCharsets.UTF_8))) {
            return answer(HttpStatus.FORBIDDEN, "0");
        }
        return answer(HttpStatus.OK, misdialers.isMisdialer(number) ? "1" : "0");
    }

    private static ResponseEntity<String> answer(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(body);
    }
}
