package kz.hotline114.live;

/** The line now. */
public interface LiveModel {

    /** The whole line: every PBX's queues (a queue of the same name on several PBXs as one), calls and phones. */
    LiveSnapshot snapshot();

    /** One PBX's part of the line (empty for a PBX that sent nothing yet). */
    LiveSnapshot snapshot(String pbxId);

    /** The PBX a phone is on (a queue member there, or a queue call on it), when this node has seen it. */
    java.util.Optional<String> pbxOf(String iface);
}
