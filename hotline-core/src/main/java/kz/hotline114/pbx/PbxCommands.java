package kz.hotline114.pbx;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the application asks the PBX to do over AMI. Each call waits for Asterisk's response and
 * throws {@link PbxCommandFailed} with Asterisk's message when it refuses (or the link is down).
 */
public interface PbxCommands {

    /** {@code QueueAdd}: makes {@code iface} (e.g. {@code PJSIP/201}) a member of {@code queue}. */
    void queueAdd(String queue, String iface, String memberName, boolean paused);

    /** {@code QueueRemove}. */
    void queueRemove(String queue, String iface);

    /** {@code QueuePause} in one queue, or in all of the member's queues when {@code queue} is null; the reason shows in queue_log and events. */
    void queuePause(@Nullable String queue, String iface, boolean paused, @Nullable String reason);

    /**
     * {@code QueueStatus}: asks for the state of every queue; the answer arrives as QueueParams,
     * QueueMember and QueueEntry events (journaled like any other).
     */
    void queueStatus();

    /**
     * {@code CoreShowChannels}: asks for every channel that exists (its context, application, state, bridge and
     * age); the answer arrives as CoreShowChannel events and CoreShowChannelsComplete (journaled like any other).
     */
    void coreShowChannels();

    /** {@code Redirect}: moves a channel to another place in the dialplan (e.g. {@code hotline-transfer,<queue>,1}). */
    void redirect(String channel, String context, String exten, int priority);

    /** {@code BlindTransfer} of a channel (the specialist's leg) to {@code exten@context}. */
    void blindTransfer(String channel, String context, String exten);

    /**
     * {@code Atxfer} of a channel (the specialist's leg) to {@code exten@context}: the caller hears hold music while
     * the specialist talks with the target; hanging the specialist's leg up completes the transfer.
     */
    void attendedTransfer(String channel, String context, String exten);

    /** {@code CancelAtxfer} (Asterisk 17+): ends the consultation of an attended transfer, back to the caller. */
    void cancelAttendedTransfer(String channel);

    /** {@code Hangup} of a channel (the specialist's leg of a call: the caller hears the call end). */
    void hangup(String channel);

    /** {@code Setvar} without a channel: sets a dialplan global (e.g. the token [hotline-spy] checks). */
    void setGlobal(String name, String value);

    /**
     * {@code Originate} (asynchronous): rings {@code channel} (the specialist's phone) and, when answered,
     * sends it to {@code exten@context} (e.g. the callback context dialling the caller through the trunk).
     *
     * @return our ActionID; the {@code OriginateResponse} event carries it after Asterisk-Java's own prefix ({@code <n>_<m>#})
     */
    String originate(String channel, String context, String exten, String callerId, Map<String, String> variables);

    /**
     * As {@link #originate(String, String, String, String, Map)} with our own ActionID, so that the caller can
     * record it before Asterisk's {@code OriginateResponse} (which may come back at once) arrives.
     */
    void originate(String channel, String context, String exten, String callerId, Map<String, String> variables,
                   String actionId);
}
