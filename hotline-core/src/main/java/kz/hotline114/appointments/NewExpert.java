package kz.hotline114.appointments;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** What is needed to add an expert to the pool. */
public record NewExpert(String fullName, ExpertKind kind, String title, @Nullable String organisation,
                        List<String> languages, @Nullable String contact, boolean hotlineStaff) {
}
