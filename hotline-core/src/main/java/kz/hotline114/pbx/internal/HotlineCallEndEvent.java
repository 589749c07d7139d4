package kz.hotline114.pbx.internal;

import org.asteriskjava.manager.event.UserEvent;

// Asterisk-Java names a UserEvent class by its simple name minus "Event": it must be a top-level class.
/** {@code UserEvent: HotlineCallEnd}: the inbound call's hangup handler ran. */
public class HotlineCallEndEvent extends UserEvent {
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
