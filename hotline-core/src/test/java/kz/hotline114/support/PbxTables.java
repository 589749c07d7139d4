package kz.hotline114.support;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import kz.hotline114.pbx.demo.AmiPacket;

/**
 * Writes a recording's {@code CEL} and {@code Cdr} events into the {@code cel} and {@code cdr} tables the way
 * Asterisk's cel_pgsql / cdr_pgsql do (times in UTC without a zone): the PBX's own account of calls the app's
 * AMI link may have missed.
 */
public final class PbxTables {

    private PbxTables() {
    }

    /** Inserts the packets' CEL and CDR records, each written when it happened; returns how many rows. */
    public static int insert(JdbcTemplate jdbc, List<AmiPacket> packets) {
        int rows = 0;
        for (var p : packets) {
            var event = p.get("Event");
            if (!"CEL".equals(event) && !"Cdr".equals(event)) {
                continue;
            }
            var at = epoch(p.get("Timestamp"));
            if ("CEL".equals(event)) {
                jdbc.update("""
                        insert into cel (eventtype, eventtime, userdeftype, cid_name, cid_num, cid_ani, cid_rdnis,
                            cid_dnid, exten, context, channame, appname, appdata, amaflags, accountcode, peeraccount,
                            uniqueid, linkedid, userfield, peer, extra, received_at)
                        values (?, ?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 3, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        p.get("EventName"), utc(at), p.get("CallerIDname"), p.get("CallerIDnum"),
                        p.get("CallerIDani"), p.get("CallerIDrdnis"), p.get("CallerIDdnid"), p.get("Exten"),
                        p.get("Context"), p.get("Channel"), p.get("Application"), p.get("AppData"),
                        p.get("AccountCode"), p.get("PeerAccount"), p.get("UniqueID"), p.get("LinkedID"),
                        p.get("Userfield"), p.get("Peer"), p.get("Extra"), Timestamp.from(at));
                rows++;
            } else if ("Cdr".equals(event)) {
                int duration = Integer.parseInt(p.get("Duration"));
                int billsec = Integer.parseInt(p.get("BillableSeconds"));
                jdbc.update("""
                        insert into cdr (start, answer, "end", clid, src, dst, dcontext, channel, dstchannel,
                            lastapp, lastdata, duration, billsec, disposition, amaflags, accountcode, uniqueid,
                            userfield, peeraccount, linkedid, sequence, hotline_choice, received_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DOCUMENTATION', ?, ?, ?, ?, ?, ?, ?, ?)""",
                        utc(at.minusSeconds(duration)), utc(at.minusSeconds(billsec)), utc(at), p.get("CallerID"),
                        p.get("Source"), p.get("Destination"), p.get("DestinationContext"), p.get("Channel"),
                        p.get("DestinationChannel"), p.get("LastApplication"), p.get("LastData"), duration, billsec,
                        p.get("Disposition"), p.get("AccountCode"), p.get("UniqueID"), p.get("UserField"),
                        p.get("PeerAccount"), p.get("LinkedID"), Integer.parseInt(p.get("Sequence")),
                        p.get("HotlineChoice"), Timestamp.from(at));
                rows++;
            }
        }
        return rows;
    }

    private static Instant epoch(String timestamp) {
        var micros = new BigDecimal(timestamp).setScale(6, java.math.RoundingMode.DOWN).movePointRight(6).longValueExact();
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
