package kz.hotline114.pbx.internal;

import org.asteriskjava.manager.event.UserEvent;

// Asterisk-Java names a UserEvent class by its simple name minus "Event": it must be a top-level class.
/** {@code UserEvent: HotlineIvr}: the caller's progress through the menu (greeting, choice, queue, queue-exit, no-input). */
public class HotlineIvrEvent extends UserEvent {
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
