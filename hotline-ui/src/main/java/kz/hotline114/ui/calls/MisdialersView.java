package kz.hotline114.ui.calls;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import kz.hotline114.calls.Misdialers;
import kz.hotline114.calls.WrongNumberProperties;
import kz.hotline114.security.Roles;
import kz.hotline114.shared.HotlineProperties;
import kz.hotline114.ui.shell.Formats;

/**
 * Known misdialers for supervisors (issue 17): the numbers the PBX tells about 1414 before the menu — by the rule
 * (K wrong-number calls in D days) or by hand — and the supervisors' marks: add a number, keep one out ("never
 * filter"), remove a mark; each with a reason.
 */
@Route("calls/misdialers")
@Menu(title = "misdialers.title", order = 37, icon = "vaadin:ban")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
public class MisdialersView extends VerticalLayout implements HasDynamicTitle {

    private final Misdialers misdialers;
    private final HotlineProperties props;
    final Grid<Misdialers.Misdialer> list = new Grid<>();
    final Grid<Misdialers.Mark> marks = new Grid<>();
    final TextField number = new TextField();
    final TextField reason = new TextField();
    final Button filter = new Button();
    final Button never = new Button();
    final Span total = new Span();

    MisdialersView(Misdialers misdialers, WrongNumberProperties rules, HotlineProperties props) {
        this.misdialers = misdialers;
        this.props = props;
        setMaxWidth("80em");
        add(new H2(getTranslation("misdialers.title")),
                new Paragraph(getTranslation("misdialers.rule", rules.misdialerCalls(), rules.misdialerDays())));
        number.setId("misdialers-number");
        number.setLabel(getTranslation("misdialers.number"));
        number.setPlaceholder("+7 701 …");
        reason.setId("misdialers-reason");
        reason.setLabel(getTranslation("misdialers.reason"));
        reason.setWidth("24em");
        reason.setMaxLength(500);
        filter.setText(getTranslation("misdialers.filter"));
        filter.setId("misdialers-filter");
        filter.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        filter.addClickListener(e -> mark(Misdialers.Mark.Kind.FILTER));
        never.setText(getTranslation("misdialers.never"));
        never.setId("misdialers-never");
        never.addClickListener(e -> mark(Misdialers.Mark.Kind.NEVER));
        var form = new HorizontalLayout(number, reason, filter, never);
        form.setWrap(true);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        total.setId("misdialers-total");
        configureList();
        configureMarks();
        add(form, total, list, new H3(getTranslation("misdialers.marks")), marks);
        refresh();
    }

    private void configureList() {
        list.setId("misdialers-list");
        list.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        list.setAllRowsVisible(true);
        list.setEmptyStateText(getTranslation("misdialers.none"));
        list.addColumn(Misdialers.Misdialer::number).setHeader(getTranslation("misdialers.number")).setAutoWidth(true);
        list.addColumn(m -> Formats.DATE_TIME.format(m.since().atZone(props.zone())))
                .setHeader(getTranslation("misdialers.since")).setAutoWidth(true);
        list.addColumn(Misdialers.Misdialer::wrongNumberCalls).setHeader(getTranslation("misdialers.calls"))
                .setAutoWidth(true);
        list.addColumn(m -> getTranslation("misdialers.source." + m.source().name()))
                .setHeader(getTranslation("misdialers.source")).setFlexGrow(1);
    }

    private void configureMarks() {
        marks.setId("misdialers-marks");
        marks.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        marks.setAllRowsVisible(true);
        marks.setEmptyStateText(getTranslation("misdialers.noMarks"));
        marks.addColumn(Misdialers.Mark::number).setHeader(getTranslation("misdialers.number")).setAutoWidth(true);
        marks.addColumn(m -> getTranslation("misdialers.kind." + m.kind().name()))
                .setHeader(getTranslation("misdialers.kind")).setAutoWidth(true);
        marks.addColumn(Misdialers.Mark::reason).setHeader(getTranslation("misdialers.reason")).setFlexGrow(1);
        marks.addColumn(m -> m.markedBy() + " · " + Formats.DATE_TIME.format(m.markedAt().atZone(props.zone())))
                .setHeader(getTranslation("misdialers.markedBy")).setAutoWidth(true);
        marks.addComponentColumn(m -> {
            var remove = new Button(getTranslation("misdialers.remove"), e -> unmark(m));
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            return remove;
        }).setKey("remove").setAutoWidth(true);
    }

    private void mark(Misdialers.Mark.Kind kind) {
        number.setInvalid(false);
        reason.setInvalid(false);
        try {
            var done = misdialers.mark(number.getValue(), kind, reason.getValue());
            Notification.show(getTranslation("misdialers.marked." + kind.name(), done.number()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            number.clear();
            reason.clear();
            refresh();
        } catch (IllegalArgumentException e) {
            var onReason = String.valueOf(e.getMessage()).startsWith("reason");
            var field = onReason ? reason : number;
            field.setErrorMessage(getTranslation(onReason ? "misdialers.reasonRequired" : "misdialers.badNumber"));
            field.setInvalid(true);
        }
    }

    private void unmark(Misdialers.Mark m) {
        reason.setInvalid(false);
        if (reason.getValue().isBlank()) {
            reason.setErrorMessage(getTranslation("misdialers.reasonToRemove"));
            reason.setInvalid(true);
            return;
        }
        misdialers.unmark(m.number(), reason.getValue());
        Notification.show(getTranslation("misdialers.removed", m.number()));
        reason.clear();
        refresh();
    }

    void refresh() {
        var page = misdialers.list(0, 500);
        list.setItems(page.items());
        total.setText(getTranslation("misdialers.total", page.total()));
        marks.setItems(misdialers.marks());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("misdialers.title") + " · " + getTranslation("app.title");
    }
}
