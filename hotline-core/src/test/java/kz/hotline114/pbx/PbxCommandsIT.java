package kz.hotline114.pbx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import kz.hotline114.amisim.AmiPacket;
import kz.hotline114.support.TelephonyIT;

/** The exact AMI actions the application sends, as the PBX (the test AMI server) receives them. */
class PbxCommandsIT extends TelephonyIT {

    @Autowired
    PbxCommands pbx;

    private AmiPacket last(String action) {
        var all = PBX.server().actionsReceived().stream().filter(a -> action.equalsIgnoreCase(a.get("Action"))).toList();
        assertThat(all).as(action + " received").isNotEmpty();
        return all.getLast();
    }

    @Test
    void queue_membership_and_pause_go_out_as_queue_actions() {
        pbx.queueAdd("theologians", "PJSIP/207", "Aliya (theologian)", false);
        var add = last("QueueAdd");
        assertThat(add.get("Queue")).isEqualTo("theologians");
        assertThat(add.get("Interface")).isEqualTo("PJSIP/207");
        assertThat(add.get("MemberName")).isEqualTo("Aliya (theologian)");
        assertThat(add.get("StateInterface")).isEqualTo("PJSIP/207");

        pbx.queuePause("theologians", "PJSIP/207", true, "break");
        var pause = last("QueuePause");
        assertThat(pause.get("Interface")).isEqualTo("PJSIP/207");
        assertThat(pause.get("Paused")).isEqualToIgnoringCase("true");
        assertThat(pause.get("Reason")).isEqualTo("break");

        pbx.queueRemove("theologians", "PJSIP/207");
        assertThat(last("QueueRemove").get("Interface")).isEqualTo("PJSIP/207");
    }

    @Test
    void transfers_and_callbacks_go_out_as_redirect_blind_transfer_and_originate() {
        pbx.redirect("PJSIP/carrier-00000028", "hotline-transfer", "theologians", 1);
        var redirect = last("Redirect");
        assertThat(redirect.get("Channel")).isEqualTo("PJSIP/carrier-00000028");
        assertThat(redirect.get("Context")).isEqualTo("hotline-transfer");
        assertThat(redirect.get("Exten")).isEqualTo("theologians");
        assertThat(redirect.get("Priority")).isEqualTo("1");

        pbx.blindTransfer("PJSIP/201-0000000a", "hotline-transfer", "religious-scholars");
        var blind = last("BlindTransfer");
        assertThat(blind.get("Channel")).isEqualTo("PJSIP/201-0000000a");
        assertThat(blind.get("Exten")).isEqualTo("religious-scholars");

        var id = pbx.originate("PJSIP/201", "hotline-callback", "+77471234509", "\"Hotline 114\" <114>",
                Map.of("HOTLINE_CALLBACK_FOR", "1795440526.113"));
        var originate = last("Originate");
        // Asterisk-Java prefixes its own internal id: "<n>_<m>#" + ours
        assertThat(originate.get("ActionID")).endsWith("#" + id);
        assertThat(originate.get("Channel")).isEqualTo("PJSIP/201");
        assertThat(originate.get("Context")).isEqualTo("hotline-callback");
        assertThat(originate.get("Exten")).isEqualTo("+77471234509");
        assertThat(originate.get("Async")).isEqualToIgnoringCase("true");
        assertThat(originate.getAll("Variable")).contains("HOTLINE_CALLBACK_FOR=1795440526.113");
    }
}
