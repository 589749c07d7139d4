package kz.hotline114.pbx.internal;

import java.util.List;

import org.asteriskjava.manager.event.ManagerEvent;

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
}
