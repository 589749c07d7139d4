package kz.hotline114.reports;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What people write into an interim report: the narrative per activity ({@code 1.2} → text), the
 * justification of deviations per indicator ({@code 1.2.3} → text), the risks, the attachments and the
 * signer. Saved as versions of the draft.
 */
public record ReportContent(Map<String, String> narratives, Map<String, String> justifications, List<Risk> risks,
                            List<Attachment> attachments, @Nullable String leader, @Nullable String leaderPosition) {

    public ReportContent {
        narratives = Map.copyOf(narratives);
        justifications = Map.copyOf(justifications);
        risks = List.copyOf(risks);
        attachments = List.copyOf(attachments);
    }

    /**
     * A line of the risks table. The wrong-number risk ({@code wrongNumber} true) is pre-filled: while its
     * texts are null the documents print the standard wording with the period's computed figures.
     */
    public record Risk(@Nullable String risk, @Nullable String mitigation, boolean wrongNumber) {
    }

    /**
     * A line of the attachments table; {@code callList} marks attachment 2, the list of received calls with
     * the question/answer texts (exported as XLSX/CSV), whose documents column is printed from the bundles
     * while {@code documents} is null.
     */
    public record Attachment(String number, String title, @Nullable String documents, boolean callList) {
    }
}
