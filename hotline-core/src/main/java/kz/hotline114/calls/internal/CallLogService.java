package kz.hotline114.calls.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import kz.hotline114.calls.Call;
import kz.hotline114.calls.CallFilter;
import kz.hotline114.calls.CallKey;
import kz.hotline114.calls.CallLog;
import kz.hotline114.calls.CallNote;
import kz.hotline114.calls.CallPage;
import kz.hotline114.calls.CallStep;
import kz.hotline114.calls.PhoneNumbers;
import kz.hotline114.calls.RebuildResult;
import kz.hotline114.pbx.AmiJournal;
import kz.hotline114.pbx.Pbxs;
import kz.hotline114.security.AuditLog;
import kz.hotline114.security.CurrentUser;
import kz.hotline114.calls.CallerNumberFilter;

@Service
class CallLogService implements CallLog {

    private final JdbcCallRepository calls;
    private final AmiJournal journal;
    private final CallInterpreter interpreter;
    private final CallAssembler assembler;
    private final Pbxs pbxs;
    /** The deepest page start served: past a million rows a narrower period is the way (and int arithmetic stays safe). */
    static final int MAX_OFFSET = 1_000_000;

    private final AuditLog audit;
    private final CallerNumberFilter numbers;

    CallLogService(JdbcCallRepository calls, AmiJournal journal, CallInterpreter interpreter, CallAssembler assembler,
                   Pbxs pbxs, AuditLog audit, CallerNumberFilter numbers) {
        this.audit = audit;
        this.numbers = numbers;
        this.calls = calls;
        this.journal = journal;
        this.interpreter = interpreter;
        this.assembler = assembler;
        this.pbxs = pbxs;
    }

    @Override
    public CallPage find(CallFilter filter, int page, int size) {
        if (page < 0 || size < 1 || size > 1000) {
            throw new IllegalArgumentException("page must be >= 0 and size between 1 and 1000");
        }
        if ((long) page * size > MAX_OFFSET) {
            throw new IllegalArgumentException("page: at most " + MAX_OFFSET + " rows in; narrow the period instead");
        }
        var admitted = numbers.admit(filter, "calls");
        var items = calls.find(admitted, page * size, size);
        boolean full = CurrentUser.maySeeCallerNumbers();
        audit.recordListing(full ? "CALLS_LISTED" : "CALLS_LISTED_MASKED", admitted.describe(),
                items.size() + " calls" + (full ? " with full caller numbers" : ""));
        if (!full) {
            return new CallPage(calls.count(admitted), items.stream().map(Call::masked).toList());
        }
        return new CallPage(calls.count(admitted), items);
    }

    @Override
    public long count(CallFilter filter) {
        return calls.count(numbers.admit(filter, "calls"));
    }

    @Override
    public Optional<Call> get(CallKey key) {
        var call = calls.find(key);
        if (!CurrentUser.maySeeCallerNumbers()) {
            return call.map(Call::masked);
        }
        call.ifPresent(c -> audit.record("CALL_VIEWED", key.toString(), null));
        return call;
    }

    @Override
    public List<Call> earlier(CallKey key, int limit) {
        var call = calls.find(key).orElse(null);
        if (call == null || call.callerNumber() == null) {
            return List.of();
        }
        var items = calls.earlier(call.callerNumber(), call.startedAt(), key, Math.clamp(limit, 1, 100));
        boolean full = CurrentUser.maySeeCallerNumbers();
        if (!items.isEmpty()) {
            audit.recordListing(full ? "CALLS_LISTED" : "CALLS_LISTED_MASKED", "earlier calls of the caller of " + key,
                    items.size() + " calls");
        }
        return full ? items : items.stream().map(Call::masked).toList();
    }

    @Override
    public List<Call> unreturned(Instant from, Instant to) {
        var items = calls.unreturned(from, to, 500);
        boolean full = CurrentUser.maySeeCallerNumbers();
        audit.recordListing(full ? "CALLS_LISTED" : "CALLS_LISTED_MASKED", "not called back " + from + ".." + to,
                items.size() + " calls");
        return full ? items : items.stream().map(Call::masked).toList();
    }

    @Override
    public Map<String, Long> answeredBy(Instant from, Instant to) {
        return calls.answeredBy(from, to); // counts per specialist: no caller's data
    }

    @Override
    public Optional<String> numberToDial(CallKey key) {
        var number = calls.find(key).map(Call::callerNumber);
        number.ifPresent(n -> audit.record("CALL_NUMBER_DIALLED", key.toString(), "callback"));
        return number;
    }

    @Override
    public void saveNote(CallKey key, String text) {
        var author = CurrentUser.name();
        if (calls.find(key).isEmpty()) {
            throw new IllegalArgumentException("no call " + key.toString());
        }
        var trimmed = text == null ? "" : text.strip();
        if (trimmed.length() > 4000) {
            throw new IllegalArgumentException("a note holds at most 4000 characters");
        }
        if (trimmed.isEmpty()) {
            calls.deleteNote(key, author);
            audit.record("CALL_NOTE_REMOVED", key.toString(), null);
        } else {
            calls.saveNote(key, author, trimmed);
            audit.record("CALL_NOTE_SAVED", key.toString(), trimmed.length() + " characters");
        }
    }

    @Override
    public List<CallNote> notes(CallKey key) {
        var notes = calls.notes(key);
        if (!notes.isEmpty()) {
            audit.record("CALL_NOTES_VIEWED", key.toString(), null);
        }
        return notes;
    }

    @Override
    public List<CallStep> timeline(CallKey key) {
        var steps = interpreter.timeline(journal.eventsOfCall(key.pbxId(), key.linkedid()));
        if (CurrentUser.maySeeCallerNumbers()) {
            return steps;
        }
        // the first step names the caller
        return steps.stream().map(s -> s.kind() == CallStep.Kind.STARTED
                ? new CallStep(s.at(), s.kind(), PhoneNumbers.mask(PhoneNumbers.describe(s.detail()).e164())) : s).toList();
    }

    @Override
    public RebuildResult rebuild(Instant from, Instant to) {
        audit.record("CALLS_REBUILT", from + "/" + to, null);
        int seen = 0;
        int written = 0;
        int removed = 0;
        for (var pbxId : pbxs.ids()) { // every PBX's calls, each from its own events
            try {
                pbxs.link(pbxId).awaitIdle(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            var linkedids = journal.linkedidsReceivedBetween(pbxId, from, to);
            var kept = new ArrayList<String>();
            for (var lid : linkedids) {
                assembler.rebuild(new CallKey(pbxId, lid)).ifPresent(c -> kept.add(c.linkedid()));
            }
            removed += calls.deleteExcept(pbxId, linkedids, kept);
            seen += linkedids.size();
            written += kept.size();
        }
        return new RebuildResult(seen, written, removed);
    }
}
