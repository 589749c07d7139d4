package kz.hotline114.cases;

import java.util.List;

/** The stable codes a case uses, with their Kazakh and Russian names where the list is admin-managed. */
public record Taxonomy(List<Term> categories, List<Term> movements, List<Term> partners, List<String> genders,
                       List<String> ageBrackets, List<String> socialStatuses, List<String> regions,
                       List<String> languages, List<String> statuses) {

    public record Term(String code, String nameKk, String nameRu) {
    }
}
