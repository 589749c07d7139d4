package kz.hotline114.pbx.internal;

import org.asteriskjava.manager.action.AbstractManagerAction;

/** AMI actions Asterisk-Java 3.42 has no class for (or lacks a field of). */
final class ExtraActions {

    private ExtraActions() {
    }

    /** {@code Action: BlindTransfer} (Asterisk 12+): Channel, Context, Exten. */
    public static class BlindTransferAction extends AbstractManagerAction {
        private static final long serialVersionUID = 1L;
        private String channel;
        private String context;
        private String exten;

        BlindTransferAction(String channel, String context, String exten) {
            this.channel = channel;
            this.context = context;
            this.exten = exten;
        }

        @Override
        public String getAction() {
            return "BlindTransfer";
        }

        public String getChannel() { return channel; }
        public String getContext() { return context; }
        public String getExten() { return exten; }
    }

    /** {@code Action: CancelAtxfer} (Asterisk 17+): Channel, the transferer's. */
    public static class CancelAtxferAction extends AbstractManagerAction {
        private static final long serialVersionUID = 1L;
        private String channel;

        CancelAtxferAction(String channel) {
            this.channel = channel;
        }

        @Override
        public String getAction() {
            return "CancelAtxfer";
        }

        public String getChannel() { return channel; }
    }

    /** {@code Action: QueuePause} with {@code Reason} (the library's class has no Reason field). */
    public static class QueuePauseAction extends AbstractManagerAction {
        private static final long serialVersionUID = 1L;
        private String iface;
        private String queue;
        private Boolean paused;
        private String reason;

        QueuePauseAction(String queue, String iface, boolean paused, String reason) {
            this.queue = queue;
            this.iface = iface;
            this.paused = paused;
            this.reason = reason;
        }

        @Override
        public String getAction() {
            return "QueuePause";
        }

        public String getInterface() { return iface; }
        public String getQueue() { return queue; }
        public Boolean getPaused() { return paused; }
        public String getReason() { return reason; }
    }
}
