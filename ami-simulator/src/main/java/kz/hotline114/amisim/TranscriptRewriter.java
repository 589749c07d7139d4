package kz.hotline114.amisim;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Turns a recorded transcript into "copy number N": a distinct set of calls that still reads like
 * real Asterisk traffic, optionally moved in time so that a demo loop replays "now". A port of
 * {@code ami_replay.py}'s {@code rewrite}, extended for long-running loops.
 *
 * <p>Every rewrite is a deterministic function of (original value, copy, time shift), so the same
 * original id becomes the same new id in every packet of a copy, and copy 0 with shift 0 is the
 * recording itself. What changes:
 * <ul>
 * <li><b>Uniqueid/Linkedid</b> - every header whose key ends in {@code Uniqueid} or {@code Linkedid}
 * (ignoring case: {@code Uniqueid}, {@code DestLinkedid}, CEL's {@code UniqueID}/{@code LinkedID},
 * {@code LocalOneUniqueid}, {@code SwapUniqueid}, ...; a superset of {@link #ID_FIELDS}). An
 * {@code [systemname-]epoch.seq} id becomes {@code epoch+floor(shift) . seq+copy*}{@value #SEQ_STRIDE}:
 * still plain {@code digits.digits}, unique over all copies as long as the recorded sequence numbers
 * are below {@value #SEQ_STRIDE} (Asterisk's counter restarts at 0 with Asterisk). Bridge ids (UUIDs)
 * get their last group XOR-ed with the copy.</li>
 * <li><b>Ids inside other values</b> - a {@code digits.digits} token anywhere in another value that
 * is a known Uniqueid/Linkedid (seen in an id header of the transcripts given to the constructor or
 * of any packet rewritten so far) is rewritten the same way: {@code VarSet} values such as
 * {@code HOTLINE_CALL_ID} or {@code HOTLINE_CALLBACK_FOR}, {@code AppData} such as
 * {@code __HOTLINE_CALL_ID=...}, MixMonitor file names. A {@code VarSet} of a variable named like
 * an id ({@code *UNIQUEID*}, {@code *LINKEDID*}, {@code *CALL_ID*}, {@code *CALLBACK_FOR*}) is
 * rewritten even when the id is not known.</li>
 * <li><b>Channel names</b> - {@code Tech/resource-XXXXXXXX} anywhere in a value (Channel,
 * DestChannel, Peer, BRIDGEPEER, CEL Extra's hangupsource, ...): the 8-hex-digit suffix gets
 * {@code copy*0x1000} added (mod 2^32), the {@code ;1}/{@code ;2} of Local channels is kept. Unique
 * for 2^20 copies when the recorded suffixes are below 0x1000.</li>
 * <li><b>Caller numbers</b> - every {@code +77XXXXXXXXX} (mobile) or {@code 87XXXXXXXXX} (national
 * format) number anywhere in a value (CallerIDNum, ConnectedLineNum, Dest*, CEL CallerIDnum/ani,
 * Cdr Source/CallerID, {@code __HOTLINE_CALLER}, a callback's dial string, ...): the first five
 * characters (operator or city prefix) and the middle stay, the last four digits become
 * {@code (last4 + copy*37) mod 10000} - the same number within a copy (a repeat caller stays one),
 * a different one in each of 10,000 consecutive copies.</li>
 * <li><b>Times</b> - {@code Timestamp} and RTCP {@code SentNTP} ({@code epoch.usec}) move by the
 * shift; CEL {@code EventTime} and Cdr {@code StartTime}/{@code AnswerTime}/{@code EndTime}
 * ({@code yyyy-MM-dd HH:mm:ss}, the PBX's local time, shifted as a local date-time) and the epoch
 * seconds in queue member {@code LastCall}/{@code LoginTime}/{@code LastPause} and in {@code VarSet}
 * of {@code *_TS}/{@code *LASTCALL} variables move by {@code floor(shift)} seconds. Pass a whole
 * number of seconds to keep every time and id exactly consistent.</li>
 * </ul>
 * Not changed: durations, queue names, agent names and interfaces, landline numbers in other
 * formats, {@code anonymous}.
 *
 * <p>Thread-safe. Part of the AMI replay kit that serves both the built-in demo PBX (when no real
 * Asterisk is configured) and the tests: see {@link AmiReplayServer}.
 */
@NullMarked
public final class TranscriptRewriter {

    /** The id fields {@code ami_replay.py} rewrites; this class rewrites these and every other {@code *Uniqueid}/{@code *Linkedid}. */
    public static final List<String> ID_FIELDS = List.of("Uniqueid", "Linkedid", "DestUniqueid", "DestLinkedid",
            "TransfereeUniqueid", "TransfereeLinkedid", "TransferTargetUniqueid", "TransferTargetLinkedid",
            "OrigTransfererUniqueid", "OrigTransfererLinkedid", "SecondTransfererUniqueid",
            "SecondTransfererLinkedid", "BridgeUniqueid", "UniqueID", "LinkedID");

    /** Added to an id's sequence number per copy. */
    public static final long SEQ_STRIDE = 10_000_000L;

    /** Added to a channel name's hex suffix per copy. */
    public static final long CHANNEL_STRIDE = 0x1000L;

    /** Added to a caller number's last four digits per copy (mod 10000). */
    public static final int NUMBER_STEP = 37;

    private static final Pattern EPOCH_SEQ = Pattern.compile("(.*-)?(\\d{1,18})\\.(\\d{1,12})");
    private static final Pattern ID_TOKEN = Pattern.compile("(?<![0-9A-Za-z.])\\d{6,18}\\.\\d{1,12}(?![0-9]|\\.[0-9])");
    private static final Pattern UUID = Pattern.compile(
            "(?<![0-9A-Fa-f-])([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-)([0-9A-Fa-f]{12})(?![0-9A-Fa-f])");
    private static final Pattern CHANNEL = Pattern.compile(
            "([A-Za-z][A-Za-z0-9_]*/[^\\s,;\"'<>|]*?)-([0-9a-fA-F]{8})(?![0-9A-Za-z])");
    private static final Pattern PHONE = Pattern.compile("(?<![0-9.+])(?:\\+77|87)\\d{9}(?![0-9])");
    private static final Pattern EPOCH_FRACTION = Pattern.compile("(\\d{1,15})(?:\\.(\\d{1,9}))?");
    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{9,12}");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})(\\.\\d+)?");
    private static final Pattern ID_VARIABLE = Pattern.compile("(?i).*(UNIQUEID|LINKEDID|CALL_?ID|CALLBACK_FOR).*");
    private static final Pattern EPOCH_VARIABLE = Pattern.compile("(?i).*(_TS|LASTCALL)");
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final Set<String> TIMESTAMP_FIELDS = Set.of("timestamp", "sentntp");
    private static final Set<String> DATE_TIME_FIELDS = Set.of("eventtime", "starttime", "answertime", "endtime");
    private static final Set<String> EPOCH_FIELDS = Set.of("lastcall", "logintime", "lastpause");
    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
            100_000_000L, 1_000_000_000L};

    private final Set<String> knownIds = ConcurrentHashMap.newKeySet();

    /** A rewriter that learns ids from the packets it rewrites (ids referenced before their first id header are not recognised in free text). */
    public TranscriptRewriter() {
    }

    /** A rewriter that knows every Uniqueid/Linkedid of these transcripts up front (preferred). */
    public TranscriptRewriter(Collection<AmiTranscript> transcripts) {
        for (AmiTranscript t : transcripts) {
            for (AmiPacket p : t.packets()) {
                learn(p);
            }
        }
    }

    /** Remembers the ids in this packet's id headers, so they are also recognised inside other values. */
    public void learn(AmiPacket p) {
        for (AmiPacket.Header h : p.headers()) {
            String v = h.value();
            if (v != null && !v.isEmpty() && isIdField(h.key())) {
                Matcher m = EPOCH_SEQ.matcher(v);
                if (m.matches() && m.group(2).length() >= 6) {
                    knownIds.add(m.group(2) + "." + m.group(3));
                }
            }
        }
    }

    /** True for a header holding a Uniqueid/Linkedid (or a bridge id): its key ends in {@code uniqueid} or {@code linkedid}, ignoring case. */
    public static boolean isIdField(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.endsWith("uniqueid") || k.endsWith("linkedid");
    }

    /**
     * Copy number {@code copy} of a packet, moved by {@code timeShiftSeconds}.
     *
     * @param p                a recorded packet
     * @param copy             0, 1, 2, ... (0 keeps ids, channels and numbers)
     * @param timeShiftSeconds seconds added to every time (0 keeps them); may be negative
     * @return the rewritten packet ({@code p} itself for copy 0 and shift 0)
     */
    public AmiPacket rewrite(AmiPacket p, int copy, double timeShiftSeconds) {
        return rewrite(p, copy, copy, timeShiftSeconds);
    }

    /**
     * {@link #rewrite(AmiPacket, int, double)} with the caller numbers of copy {@code numberCopy} instead: a repeat
     * caller (the demo's misdialers) keeps one number over copies whose ids differ.
     */
    public AmiPacket rewrite(AmiPacket p, int copy, int numberCopy, double timeShiftSeconds) {
        if (copy < 0 || numberCopy < 0) {
            throw new IllegalArgumentException("copy must be >= 0: " + copy + ", " + numberCopy);
        }
        if (copy == 0 && numberCopy == 0 && timeShiftSeconds == 0) {
            return p;
        }
        learn(p);
        String variable = "VarSet".equalsIgnoreCase(p.event()) ? p.get("Variable") : null;
        var out = new ArrayList<AmiPacket.Header>(p.headers().size());
        for (AmiPacket.Header h : p.headers()) {
            String v = h.value();
            if (v == null || v.isEmpty() || h.key().equalsIgnoreCase("Event") || h.key().equalsIgnoreCase("Privilege")) {
                out.add(h);
                continue;
            }
            String nv = rewriteValue(h.key(), v, variable, copy, numberCopy, timeShiftSeconds);
            out.add(nv.equals(v) ? h : new AmiPacket.Header(h.key(), nv));
        }
        return new AmiPacket(out);
    }

    /** {@link #rewrite} for every packet of a transcript. */
    public List<AmiPacket> rewriteAll(AmiTranscript transcript, int copy, double timeShiftSeconds) {
        var out = new ArrayList<AmiPacket>(transcript.size());
        for (AmiPacket p : transcript.packets()) {
            out.add(rewrite(p, copy, timeShiftSeconds));
        }
        return out;
    }

    private String rewriteValue(String key, String v, @Nullable String variable, int copy, int numberCopy,
                                double shift) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.endsWith("uniqueid") || k.endsWith("linkedid")) {
            return rewriteId(v, copy, shift);
        }
        if (TIMESTAMP_FIELDS.contains(k)) {
            return shiftTimestamp(v, shift);
        }
        if (DATE_TIME_FIELDS.contains(k)) {
            return shiftDateTime(v, shift);
        }
        if (EPOCH_FIELDS.contains(k)) {
            return shiftEpochSeconds(v, shift);
        }
        if (variable != null && k.equals("value")) {
            if (ID_VARIABLE.matcher(variable).matches()
                    && (EPOCH_SEQ.matcher(v).matches() || UUID.matcher(v).matches())) {
                return rewriteId(v, copy, shift);
            }
            if (EPOCH_VARIABLE.matcher(variable).matches()) {
                return shiftEpochSeconds(v, shift);
            }
        }
        return rewriteText(v, copy, numberCopy, shift);
    }

    /** Rewrites known ids, channel names, bridge UUIDs and caller numbers wherever they occur in a free-text value. */
    public String rewriteText(String value, int copy, double shift) {
        return rewriteText(value, copy, copy, shift);
    }

    private String rewriteText(String value, int copy, int numberCopy, double shift) {
        String v = value;
        if (v.indexOf('.') >= 0 && !knownIds.isEmpty()) {
            v = ID_TOKEN.matcher(v).replaceAll(mr -> Matcher.quoteReplacement(
                    knownIds.contains(mr.group()) ? rewriteId(mr.group(), copy, shift) : mr.group()));
        }
        if (copy != 0) {
            if (v.indexOf('/') >= 0) {
                v = rewriteChannel(v, copy);
            }
            if (v.length() >= 36 && v.indexOf('-') >= 0) {
                v = UUID.matcher(v).replaceAll(mr -> uuidReplacement(mr.group(1), mr.group(2), copy));
            }
        }
        if (numberCopy != 0 && v.length() >= 11) {
            v = rewriteNumber(v, numberCopy);
        }
        return v;
    }

    /**
     * What a Uniqueid/Linkedid becomes in copy {@code copy} shifted by {@code shift} seconds:
     * {@code [systemname-]epoch.seq} becomes {@code [systemname-](epoch+floor(shift)).(seq+copy*SEQ_STRIDE)};
     * a UUID (bridge id) gets its last group XOR-ed with the copy; empty and {@code <unknown>} stay;
     * any other value gets {@code -copy} appended (copy &gt; 0).
     */
    public static String rewriteId(String id, int copy, double shift) {
        if (copy == 0 && shift == 0) {
            return id;
        }
        Matcher m = EPOCH_SEQ.matcher(id);
        if (m.matches()) {
            long epoch = Long.parseLong(m.group(2)) + (long) Math.floor(shift);
            long seq = Long.parseLong(m.group(3)) + copy * SEQ_STRIDE;
            String prefix = m.group(1);
            return (prefix == null ? "" : prefix) + epoch + "." + seq;
        }
        Matcher u = UUID.matcher(id);
        if (u.matches()) {
            return uuidReplacement(u.group(1), u.group(2), copy);
        }
        if (id.isEmpty() || id.equals("<unknown>") || copy == 0) {
            return id;
        }
        return id + "-" + copy;
    }

    private static String uuidReplacement(String head, String last, int copy) {
        long node = Long.parseLong(last, 16) ^ (copy & 0xFFFF_FFFF_FFFFL);
        String hex = String.format(Locale.ROOT, "%012x", node);
        return head + (last.equals(last.toUpperCase(Locale.ROOT)) && !last.equals(last.toLowerCase(Locale.ROOT))
                ? hex.toUpperCase(Locale.ROOT) : hex);
    }

    /** Bumps the 8-hex-digit suffix of every channel name ({@code Tech/resource-XXXXXXXX[;n]}) in the value by {@code copy*CHANNEL_STRIDE}. */
    public static String rewriteChannel(String value, int copy) {
        if (copy == 0) {
            return value;
        }
        return CHANNEL.matcher(value).replaceAll(mr -> {
            long n = (Long.parseLong(mr.group(2), 16) + copy * CHANNEL_STRIDE) & 0xFFFF_FFFFL;
            return Matcher.quoteReplacement(mr.group(1)) + "-" + String.format(Locale.ROOT, "%08x", n);
        });
    }

    /** Varies the last four digits of every {@code +77XXXXXXXXX} / {@code 87XXXXXXXXX} number in the value. */
    public static String rewriteNumber(String value, int copy) {
        if (copy == 0) {
            return value;
        }
        return PHONE.matcher(value).replaceAll(mr -> {
            String n = mr.group();
            int last4 = Integer.parseInt(n.substring(n.length() - 4));
            long varied = (last4 + (long) copy * NUMBER_STEP) % 10_000;
            return Matcher.quoteReplacement(n.substring(0, n.length() - 4)) + String.format(Locale.ROOT, "%04d", varied);
        });
    }

    /** Adds {@code shift} seconds to an {@code epoch[.fraction]} value, keeping the number of fraction digits; other values stay. */
    public static String shiftTimestamp(String value, double shift) {
        if (shift == 0) {
            return value;
        }
        Matcher m = EPOCH_FRACTION.matcher(value);
        if (!m.matches()) {
            return value;
        }
        String frac = m.group(2);
        if (frac == null) {
            return Long.toString(Long.parseLong(m.group(1)) + (long) Math.floor(shift));
        }
        long scale = POW10[frac.length()];
        long units = Long.parseLong(m.group(1)) * scale + Long.parseLong(frac) + Math.round(shift * scale);
        String f = Long.toString(Math.floorMod(units, scale));
        return Math.floorDiv(units, scale) + "." + "0".repeat(frac.length() - f.length()) + f;
    }

    /** Adds {@code floor(shift)} seconds to a {@code yyyy-MM-dd HH:mm:ss[.fraction]} value; other values stay. */
    public static String shiftDateTime(String value, double shift) {
        long secs = (long) Math.floor(shift);
        if (secs == 0) {
            return value;
        }
        Matcher m = DATE_TIME.matcher(value);
        if (!m.matches()) {
            return value;
        }
        try {
            String moved = LocalDateTime.parse(m.group(1), SQL_TIME).plusSeconds(secs).format(SQL_TIME);
            return m.group(2) == null ? moved : moved + m.group(2);
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    /** Adds {@code floor(shift)} seconds to a non-zero epoch-seconds value (9 to 12 digits); other values stay. */
    public static String shiftEpochSeconds(String value, double shift) {
        long secs = (long) Math.floor(shift);
        if (secs == 0 || !EPOCH_SECONDS.matcher(value).matches()) {
            return value;
        }
        return Long.toString(Long.parseLong(value) + secs);
    }
}
