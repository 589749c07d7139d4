package kz.hotline114.ui.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.textfield.TextField;

import kz.hotline114.calls.CallOutcome;
import kz.hotline114.cases.CaseStatus;
import kz.hotline114.preferences.SavedFilters;
import kz.hotline114.security.Roles;
import kz.hotline114.ui.KaribuIT;
import kz.hotline114.ui.calls.CallLogView;
import kz.hotline114.ui.cases.CasesView;

/** A filter saved on the call log or the cases comes back with one click — for its owner only, without a number. */
class SavedFiltersIT extends KaribuIT {

    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> combo(String label) {
        return _get(ComboBox.class, s -> s.withLabel(label));
    }

    @Test
    void a_call_log_filter_is_saved_under_a_name_chosen_again_and_is_nobody_elses() {
        signIn("sf-supervisor", Roles.SUPERVISOR);
        UI.getCurrent().navigate(CallLogView.class);
        ComboBox<CallOutcome> outcome = combo("Нәтиже");
        outcome.setValue(CallOutcome.ABANDONED);
        _get(TextField.class, s -> s.withId("filter-number")).setValue("7010");
        var bar = _get(SavedFilterBar.class);
        _click(bar.save);
        _click(_get(Button.class, s -> s.withId("saved-filter-ok")));
        assertThat(_get(TextField.class, s -> s.withId("saved-filter-name")).getErrorMessage()).isEqualTo("Атауын жазыңыз");
        _get(TextField.class, s -> s.withId("saved-filter-name")).setValue("Тастап кеткендер");
        _click(_get(Button.class, s -> s.withId("saved-filter-ok")));
        var saved = ctx.getBean(SavedFilters.class).mine("calls");
        assertThat(saved).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("Тастап кеткендер");
            assertThat(f.query()).contains("outcome=ABANDONED").doesNotContain("7010");
        });

        outcome.clear();
        bar.choose("Тастап кеткендер");
        assertThat(outcome.getValue()).isEqualTo(CallOutcome.ABANDONED);
        assertThat(_get(TextField.class, s -> s.withId("filter-number")).getValue()).isEmpty();

        tearDown();
        signIn("sf-other", Roles.SUPERVISOR);
        assertThat(ctx.getBean(SavedFilters.class).mine("calls")).as("another user's filters are not mine").isEmpty();
    }

    @Test
    void a_cases_filter_keeps_category_and_status_and_can_be_removed() {
        signIn("sf-specialist", Roles.SPECIALIST);
        UI.getCurrent().navigate(CasesView.class);
        ComboBox<CaseStatus> status = combo("Күйі");
        status.setValue(CaseStatus.OPEN);
        var bar = _get(SavedFilterBar.class);
        _click(bar.save);
        _get(TextField.class, s -> s.withId("saved-filter-name")).setValue("Ашық істер");
        _click(_get(Button.class, s -> s.withId("saved-filter-ok")));
        status.clear();
        bar.choose("Ашық істер");
        assertThat(status.getValue()).isEqualTo(CaseStatus.OPEN);
        _click(bar.remove);
        assertThat(ctx.getBean(SavedFilters.class).mine("cases")).isEmpty();
    }
}
