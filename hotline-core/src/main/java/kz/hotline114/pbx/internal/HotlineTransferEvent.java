package kz.hotline114.pbx.internal;

import org.asteriskjava.manager.event.UserEvent;

// Asterisk-Java names a UserEvent class by its simple name minus "Event": it must be a top-level class.
/** {@code UserEvent: HotlineTransfer}: a specialist moved the caller to another queue. */
public class HotlineTransferEvent extends UserEvent {
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
