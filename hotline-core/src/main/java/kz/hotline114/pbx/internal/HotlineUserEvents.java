package kz.hotline114.pbx.internal;

import java.util.List;

import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.UserEvent;

/**
 * The UserEvents our dialplan (pbx-config) emits. Asterisk-Java drops a UserEvent whose name
 * has no registered class, so each is registered on the connection. The call log itself reads
 * the raw journaled packets; these classes serve listeners on the live connection.
 */
final class HotlineUserEvents {

    private HotlineUserEvents() {
    }

    static List<Class<? extends ManagerEvent>> all() {
        return List.of(HotlineIvrEvent.class, HotlineWrongNumberEvent.class, HotlineTransferEvent.class,
                HotlineCallEndEvent.class);
    }

    /** Asterisk-Java derives the UserEvent name from the class name: {@code UserEvent: HotlineIvr}. */
    public static class HotlineIvrEvent extends UserEvent {
        private static final long serialVersionUID = 1L;
        private String stage;
        private String choice;
        private String readStatus;
        private String queue;
        private String queueStatus;
        private String dnid;

        public HotlineIvrEvent(Object source) {
            super(source);
        }

        public String getStage() { return stage; }
        public void setStage(String stage) { this.stage = stage; }
        public String getChoice() { return choice; }
        public void setChoice(String choice) { this.choice = choice; }
        public String getReadStatus() { return readStatus; }
        public void setReadStatus(String readStatus) { this.readStatus = readStatus; }
        public String getQueue() { return queue; }
        public void setQueue(String queue) { this.queue = queue; }
        public String getQueueStatus() { return queueStatus; }
        public void setQueueStatus(String queueStatus) { this.queueStatus = queueStatus; }
        public String getDnid() { return dnid; }
        public void setDnid(String dnid) { this.dnid = dnid; }
    }

    public static class HotlineWrongNumberEvent extends UserEvent {
        private static final long serialVersionUID = 1L;
        private String reason;
        private String intended;

        public HotlineWrongNumberEvent(Object source) {
            super(source);
        }

        public String getReason() { return reason; }
        public void setReason(String reason) { this.reason = reason; }
        public String getIntended() { return intended; }
        public void setIntended(String intended) { this.intended = intended; }
    }

    public static class HotlineTransferEvent extends UserEvent {
        private static final long serialVersionUID = 1L;
        private String from;
        private String to;

        public HotlineTransferEvent(Object source) {
            super(source);
        }

        public String getFrom() { return from; }
        public void setFrom(String from) { this.from = from; }
        public String getTo() { return to; }
        public void setTo(String to) { this.to = to; }
    }

    public static class HotlineCallEndEvent extends UserEvent {
        private static final long serialVersionUID = 1L;
        private String stage;
        private String choice;
        private String queue;
        private String queueStatus;
        private String secondsSinceAnswer;
        private String hangupCause;

        public HotlineCallEndEvent(Object source) {
            super(source);
        }

        public String getStage() { return stage; }
        public void setStage(String stage) { this.stage = stage; }
        public String getChoice() { return choice; }
        public void setChoice(String choice) { this.choice = choice; }
        public String getQueue() { return queue; }
        public void setQueue(String queue) { this.queue = queue; }
        public String getQueueStatus() { return queueStatus; }
        public void setQueueStatus(String queueStatus) { this.queueStatus = queueStatus; }
        public String getSecondsSinceAnswer() { return secondsSinceAnswer; }
        public void setSecondsSinceAnswer(String secondsSinceAnswer) { this.secondsSinceAnswer = secondsSinceAnswer; }
        public String getHangupCause() { return hangupCause; }
        public void setHangupCause(String hangupCause) { this.hangupCause = hangupCause; }
    }
}
