package kz.hotline114.pbx.internal;

import org.asteriskjava.manager.event.UserEvent;

// Asterisk-Java names a UserEvent class by its simple name minus "Event": it must be a top-level class.
/** {@code UserEvent: HotlineWrongNumber}: the caller pressed the wrong-number key (meant 1414). */
public class HotlineWrongNumberEvent extends UserEvent {
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
