package kz.hotline114.pbx;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One PBX the application is linked to ({@code hotline.pbx[i].*}, or the short form {@code hotline.ami.*} for one).
 *
 * @param id       the name its calls and journal rows are keyed by ({@code HOTLINE_PBX_0_ID})
 * @param host     its AMI host; empty (short form only) = the built-in demo PBX
 * @param port     its AMI port (5038)
 * @param username its AMI user (hotline)
 * @param secret   its AMI secret, from the environment ({@code HOTLINE_PBX_0_SECRET})
 * @param celTable the table its {@code cel_pgsql} writes ({@code cel} for the first PBX, {@code cel_<id>} for others)
 * @param cdrTable the table its {@code cdr_pgsql} writes ({@code cdr}, {@code cdr_<id>})
 */
public record PbxEndpoint(String id, @Nullable String host, Integer port, String username, @Nullable String secret,
                          @Nullable String celTable, @Nullable String cdrTable) {

    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public PbxEndpoint {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("every hotline.pbx[] entry needs an id (HOTLINE_PBX_<n>_ID)");
        }
        id = id.strip();
        port = port == null ? 5038 : port;
        username = username == null || username.isBlank() ? "hotline" : username;
        for (var table : new String[] {celTable, cdrTable}) {
            if (table != null && !table.isBlank() && !TABLE.matcher(table).matches()) {
                throw new IllegalArgumentException("PBX " + id + ": '" + table
                        + "' is not a table name (lower-case letters, digits and _)");
            }
        }
    }

    /** True when no host is given: the built-in demo PBX serves the link. */
    public boolean useDemo() {
        return host == null || host.isBlank();
    }

    /** The records' table names, the defaults filled in: {@code cel}/{@code cdr} for the first PBX. */
    public PbxEndpoint withTables(boolean first) {
        var suffix = first ? "" : "_" + id.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return new PbxEndpoint(id, host, port, username, secret,
                celTable == null || celTable.isBlank() ? "cel" + suffix : celTable,
                cdrTable == null || cdrTable.isBlank() ? "cdr" + suffix : cdrTable);
    }
}
