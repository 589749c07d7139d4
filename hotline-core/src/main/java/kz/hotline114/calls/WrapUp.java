package kz.hotline114.calls;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * After a call, the specialist files how it ended with a code from the administrators' list (kk/ru): the desk asks
 * for it before the pop can be closed. The time before the next queue call is the queue's own {@code wrapuptime}
 * (pbx-config), which the live model shows as after-call work.
 */
public interface WrapUp {

    /** The active codes, in the administrators' order. */
    List<Code> codes();

    /** Every code, inactive ones too (the administrators' list). */
    List<Code> allCodes();

    /**
     * Files (or changes) the signed-in user's code for a call.
     *
     * @throws IllegalArgumentException "code: unknown" for a code not in the active list
     */
    void file(CallKey call, String code);

    /** The code the signed-in user filed for a call, if any. */
    Optional<String> filed(CallKey call);

    /** The codes filed for a call by anyone, as "code" values in the order filed. */
    List<String> of(CallKey call);

    /**
     * An administrator adds a code or renames / (de)activates one.
     *
     * @throws IllegalArgumentException "code: format", "nameKk: required", "nameRu: required"
     */
    void saveCode(String code, String nameKk, String nameRu, boolean active);

    record Code(String code, String nameKk, String nameRu, boolean active) {

        public String name(Locale locale) {
            return "ru".equals(locale.getLanguage()) ? nameRu : nameKk;
        }
    }
}
