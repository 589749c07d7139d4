package kz.hotline114.pbx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The PBXs ({@code hotline.pbx[0].id}, {@code .host}, {@code .port}, {@code .username}, {@code .secret},
 * {@code .cel-table}, {@code .cdr-table}; from the environment {@code HOTLINE_PBX_0_ID}, {@code HOTLINE_PBX_0_HOST} …
 * {@code HOTLINE_PBX_1_…}). None given: the one PBX of the short form {@code hotline.ami.*}.
 */
@ConfigurationProperties("hotline")
public record PbxList(@Nullable List<PbxEndpoint> pbx) {

    /** The PBXs to link to, first the one the desk's phones and the demo belong to; ids unique. */
    public List<PbxEndpoint> resolve(AmiProperties ami) {
        if (pbx == null || pbx.isEmpty()) {
            return List.of(new PbxEndpoint(ami.pbxId(), ami.host(), ami.port(), ami.username(), ami.secret(), null, null)
                    .withTables(true));
        }
        var out = new ArrayList<PbxEndpoint>();
        var ids = new HashSet<String>();
        for (int i = 0; i < pbx.size(); i++) {
            var p = pbx.get(i);
            if (p.useDemo()) {
                throw new IllegalArgumentException("hotline.pbx[" + i + "] (" + p.id() + ") has no host (HOTLINE_PBX_"
                        + i + "_HOST); the demo PBX is for the short form without a host only");
            }
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("hotline.pbx[]: the id " + p.id() + " is given twice");
            }
            out.add(p.withTables(i == 0));
        }
        return List.copyOf(out);
    }
}
