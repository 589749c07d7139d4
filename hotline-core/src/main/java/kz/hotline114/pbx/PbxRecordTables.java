package kz.hotline114.pbx;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import kz.hotline114.amisim.AmiPacket;

/**
 * Writes a transcript's {@code CEL} and {@code Cdr} events into the {@code cel} and {@code cdr} tables the way
 * Asterisk's cel_pgsql / cdr_pgsql do (times in UTC without a zone, each row written when its record happened):
 * the PBX's own account of calls, for the tests and the benchmark of reconciliation with it. Part of the replay
 * kit, like {@link AmiReplayServer}.
 */
public final class PbxRecordTables {

    private PbxRecordTables() {
    }

    /** Inserts the packets' CEL and CDR records into {@code cel} and {@code cdr}; returns how many rows. */
    public static int insert(JdbcTemplate jdbc, List<AmiPacket> packets) {
        return insert(jdbc, packets, "cel", "cdr");
    }

    /** As {@link #insert(JdbcTemplate, List)}, into a PBX's own tables (several PBXs: {@code cel_<id>}, {@code cdr_<id>}). */
    public static int insert(JdbcTemplate jdbc, List<AmiPacket> packets, String celTable, String cdrTable) {
        var cel = new ArrayList<Object[]>();
        var cdr = new ArrayList<Object[]>();
        for (var p : packets) {
            var event = p.get("Event");
            if (!"CEL".equals(event) && !"Cdr".equals(event)) {
                continue;
            }
            var at = epoch(p.get("Timestamp"));
            if ("CEL".equals(event)) {
                cel.add(new Object[] {p.get("EventName"), utc(at), p.get("CallerIDname"), p.get("CallerIDnum"),
                        p.get("CallerIDani"), p.get("CallerIDrdnis"), p.get("CallerIDdnid"), p.get("Exten"),
                        p.get("Context"), p.get("Channel"), p.get("Application"), p.get("AppData"),
                        p.get("AccountCode"), p.get("PeerAccount"), p.get("UniqueID"), p.get("LinkedID"),
                        p.get("Userfield"), p.get("Peer"), p.get("Extra"), Timestamp.from(at)});
            } else {
                int duration = Integer.parseInt(p.get("Duration"));
                int billsec = Integer.parseInt(p.get("BillableSeconds"));
                cdr.add(new Object[] {utc(at.minusSeconds(duration)), utc(at.minusSeconds(billsec)), utc(at),
                        p.get("CallerID"), p.get("Source"), p.get("Destination"), p.get("DestinationContext"),
                        p.get("Channel"), p.get("DestinationChannel"), p.get("LastApplication"), p.get("LastData"),
                        duration, billsec, p.get("Disposition"), p.get("AccountCode"), p.get("UniqueID"),
                        p.get("UserField"), p.get("PeerAccount"), p.get("LinkedID"),
                        Integer.parseInt(p.get("Sequence")), p.get("HotlineChoice"), Timestamp.from(at)});
            }
        }
        jdbc.batchUpdate("""
                insert into %s (eventtype, eventtime, userdeftype, cid_name, cid_num, cid_ani, cid_rdnis, cid_dnid,
                    exten, context, channame, appname, appdata, amaflags, accountcode, peeraccount, uniqueid, linkedid,
                    userfield, peer, extra, received_at)
                values (?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 3, ?, ?, ?, ?, ?, ?, ?, ?)""".formatted(celTable), cel);
        jdbc.batchUpdate("""
                insert into %s (start, answer, "end", clid, src, dst, dcontext, channel, dstchannel, lastapp, lastdata,
                    duration, billsec, disposition, amaflags, accountcode, uniqueid, userfield, peeraccount, linkedid,
                    sequence, hotline_choice, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DOCUMENTATION', ?, ?, ?, ?, ?, ?, ?, ?)""".formatted(cdrTable),
                cdr);
        return cel.size() + cdr.size();
    }

    private static Instant epoch(String timestamp) {
        long micros = new BigDecimal(timestamp).setScale(6, RoundingMode.DOWN).movePointRight(6).longValueExact();
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
