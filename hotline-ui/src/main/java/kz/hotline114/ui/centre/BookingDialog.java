package kz.hotline114.ui.centre;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.binder.Binder;

import kz.hotline114.appointments.Appointment;
import kz.hotline114.appointments.AppointmentType;
import kz.hotline114.appointments.Appointments;
import kz.hotline114.appointments.BookingRequest;
import kz.hotline114.appointments.BookingResult;
import kz.hotline114.appointments.Centre;
import kz.hotline114.appointments.Expert;
import kz.hotline114.appointments.ExpertPool;
import kz.hotline114.ui.shell.DateField;
import kz.hotline114.ui.shell.Formats;

/**
 * Books a consultation: expert, centre, type, day and hours, the case it serves (by number) or none for a
 * walk-in, and the client's callback consent. Binder shows mistakes next to the fields; a clash found by the
 * database (expert or room already booked) is shown next to the expert or the centre.
 */
class BookingDialog extends Dialog {

    static final Pattern CASE_NUMBER = Pattern.compile("114-\\d{4}-\\d{5}");

    /** The form's state, read and written by the Binder. */
    static final class Form {
        private @Nullable Expert expert;
        private @Nullable Centre centre;
        private AppointmentType type = AppointmentType.IN_PERSON;
        private @Nullable LocalDate date;
        private @Nullable LocalTime start;
        private @Nullable LocalTime end;
        private String caseNumber = "";
        private String clientLabel = "";
        private boolean consent;
        private String contact = "";

        Form() {
        }

        Form(@Nullable Expert expert, @Nullable Centre centre, AppointmentType type, @Nullable LocalDate date,
             @Nullable LocalTime start, @Nullable LocalTime end) {
            this.expert = expert;
            this.centre = centre;
            this.type = type;
            this.date = date;
            this.start = start;
            this.end = end;
        }

        @Nullable Expert getExpert() { return expert; }
        void setExpert(@Nullable Expert v) { expert = v; }
        @Nullable Centre getCentre() { return centre; }
        void setCentre(@Nullable Centre v) { centre = v; }
        AppointmentType getType() { return type; }
        void setType(AppointmentType v) { type = v; }
        @Nullable LocalDate getDate() { return date; }
        void setDate(@Nullable LocalDate v) { date = v; }
        @Nullable LocalTime getStart() { return start; }
        void setStart(@Nullable LocalTime v) { start = v; }
        @Nullable LocalTime getEnd() { return end; }
        void setEnd(@Nullable LocalTime v) { end = v; }
        String getCaseNumber() { return caseNumber; }
        void setCaseNumber(String v) { caseNumber = v == null ? "" : v; }
        String getClientLabel() { return clientLabel; }
        void setClientLabel(String v) { clientLabel = v == null ? "" : v; }
        boolean isConsent() { return consent; }
        void setConsent(boolean v) { consent = v; }
        String getContact() { return contact; }
        void setContact(String v) { contact = v == null ? "" : v; }
    }

    final ComboBox<Expert> expert = new ComboBox<>();
    final ComboBox<Centre> centre = new ComboBox<>();
    final Select<AppointmentType> type = new Select<>();
    final DatePicker date = new DateField();
    final TimePicker start = new TimePicker();
    final TimePicker end = new TimePicker();
    final TextField caseNumber = new TextField();
    final TextField clientLabel = new TextField();
    final Checkbox consent = new Checkbox();
    final TextField contact = new TextField();
    final Button save = new Button();

    private final Binder<Form> binder = new Binder<>(Form.class);
    private final Appointments appointments;
    private final ZoneId zone;
    private final Form form;
    private final Consumer<Appointment> onBooked;

    private final Clock clock;
    /** The past day the user has been warned about and confirmed by saving again. */
    private @Nullable LocalDate pastConfirmed;

    BookingDialog(ExpertPool pool, Appointments appointments, ZoneId zone, Clock clock, Form initial,
                  Consumer<Appointment> onBooked) {
        this.clock = clock;
        this.appointments = appointments;
        this.zone = zone;
        this.form = initial;
        this.onBooked = onBooked;
        setId("booking-dialog");
        setHeaderTitle(getTranslation("booking.title"));
        setWidth("640px");

        configureFields(pool);
        bindFields();
        binder.readBean(initial);

        var layout = new FormLayout(expert, centre, type, date, start, end, caseNumber, clientLabel, consent, contact);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("400px", 2));
        add(layout);

        save.setText(getTranslation("booking.save"));
        save.setId("booking-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        var cancel = new Button(getTranslation("booking.close"), e -> close());
        getFooter().add(cancel, save);
    }

    /** The fields' ids, labels, help texts and choices. */
    private void configureFields(ExpertPool pool) {
        expert.setId("booking-expert");
        expert.setLabel(getTranslation("booking.expert"));
        expert.setItems(pool.experts().stream().filter(Expert::active).toList());
        expert.setItemLabelGenerator(e -> e.fullName() + " · " + getTranslation("expertKind." + e.kind().name()));
        centre.setId("booking-centre");
        centre.setLabel(getTranslation("booking.centre"));
        centre.setItems(pool.centres());
        centre.setItemLabelGenerator(c -> c.city() + " · " + c.address());
        type.setId("booking-type");
        type.setLabel(getTranslation("booking.type"));
        type.setItems(AppointmentType.values());
        type.setItemLabelGenerator(t -> getTranslation("appointmentType." + t.name()));
        date.setId("booking-date");
        date.setLabel(getTranslation("booking.date"));
        date.addValueChangeListener(e -> { // a warning about a past day holds for that day only
            if (pastConfirmed != null && !pastConfirmed.equals(e.getValue())) {
                pastConfirmed = null;
                date.setHelperText(null);
                date.removeClassName("past-warning");
                save.setText(getTranslation("booking.save"));
            }
        });
        start.setId("booking-start");
        start.setLabel(getTranslation("booking.start"));
        end.setId("booking-end");
        end.setLabel(getTranslation("booking.end"));
        caseNumber.setId("booking-case");
        caseNumber.setLabel(getTranslation("booking.caseNumber"));
        caseNumber.setPlaceholder("114-2026-00001");
        caseNumber.setHelperText(getTranslation("booking.caseNumber.help"));
        clientLabel.setId("booking-client");
        clientLabel.setLabel(getTranslation("booking.client"));
        clientLabel.setHelperText(getTranslation("booking.client.help"));
        consent.setId("booking-consent");
        consent.setLabel(getTranslation("booking.consent"));
        contact.setId("booking-contact");
        contact.setLabel(getTranslation("booking.contact"));
    }

    /** Binds the fields to the form with their checks; end and contact are checked again as start and consent change. */
    private void bindFields() {
        binder.forField(expert).asRequired(getTranslation("booking.error.expert.required"))
                .bind(Form::getExpert, Form::setExpert);
        binder.forField(centre).asRequired(getTranslation("booking.error.centre.required"))
                .bind(Form::getCentre, Form::setCentre);
        binder.forField(type).asRequired(getTranslation("booking.error.type.required"))
                .bind(Form::getType, Form::setType);
        binder.forField(date).asRequired(getTranslation("booking.error.date.required"))
                .bind(Form::getDate, Form::setDate);
        binder.forField(start).asRequired(getTranslation("booking.error.start.required"))
                .bind(Form::getStart, Form::setStart);
        var endBinding = binder.forField(end).asRequired(getTranslation("booking.error.end.required"))
                .withValidator(t -> start.getValue() == null || t.isAfter(start.getValue()),
                        getTranslation("booking.error.end.beforeStart"))
                .bind(Form::getEnd, Form::setEnd);
        binder.forField(caseNumber)
                .withValidator(s -> s.isBlank() || CASE_NUMBER.matcher(s.strip()).matches(),
                        getTranslation("booking.error.caseNumber.format"))
                .bind(Form::getCaseNumber, Form::setCaseNumber);
        binder.forField(clientLabel).bind(Form::getClientLabel, Form::setClientLabel);
        binder.forField(consent).bind(Form::isConsent, Form::setConsent);
        var contactBinding = binder.forField(contact)
                .withValidator(s -> s.isBlank() || consent.getValue(), getTranslation("booking.error.contact.noConsent"))
                .withValidator(s -> !s.isBlank() || !consent.getValue(), getTranslation("booking.error.contact.required"))
                .bind(Form::getContact, Form::setContact);
        start.addValueChangeListener(e -> {
            if (end.getValue() != null) {
                endBinding.validate();
            }
        });
        consent.addValueChangeListener(e -> contactBinding.validate());
    }

    private void save() {
        if (!binder.writeBeanIfValid(form)) {
            return;
        }
        var f = form;
        if (!pastDayConfirmed(f.getDate())) {
            return;
        }
        var request = new BookingRequest(f.getExpert().id(), f.getCentre().id(), null, f.getType(),
                f.getDate().atTime(f.getStart()).atZone(zone).toInstant(),
                f.getDate().atTime(f.getEnd()).atZone(zone).toInstant(),
                f.getCaseNumber().isBlank() ? null : f.getCaseNumber().strip(), f.getClientLabel(), f.isConsent(),
                f.getContact());
        switch (appointments.book(request)) {
            case BookingResult.Booked(var a) -> {
                Notification.show(getTranslation("booking.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                close();
                onBooked.accept(a);
            }
            case BookingResult.AlreadyBooked(var conflict) -> {
                if (conflict == BookingResult.Conflict.EXPERT) {
                    invalid(expert, getTranslation("booking.error.expertBooked"));
                } else {
                    invalid(centre, getTranslation("booking.error.roomBooked"));
                }
            }
            case BookingResult.Rejected(var errors) -> errors.forEach(err -> invalid(switch (err.field()) {
                case "expertId" -> expert;
                case "centreId", "roomId" -> centre;
                case "type" -> type;
                case "start" -> start;
                case "end" -> end;
                case "caseNumber" -> caseNumber;
                default -> contact;
            }, getTranslation("booking.error." + err.code())));
        }
    }

    /**
     * A day before today is most likely a typo (2019 for 2029): the first save says so under the date and books
     * nothing; saving again the same day books it — an appointment that took place may be entered afterwards.
     */
    private boolean pastDayConfirmed(LocalDate day) {
        if (!day.isBefore(LocalDate.now(clock.withZone(zone))) || day.equals(pastConfirmed)) {
            return true;
        }
        pastConfirmed = day;
        date.setHelperText(getTranslation("booking.pastWarning", Formats.DATE.format(day)));
        date.addClassName("past-warning");
        save.setText(getTranslation("booking.saveAnyway"));
        return false;
    }

    private static void invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
