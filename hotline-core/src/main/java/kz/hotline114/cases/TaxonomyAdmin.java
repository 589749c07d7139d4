package kz.hotline114.cases;

/** Administrators keep the case taxonomy: categories, movements, partner organisations. Codes never change. */
public interface TaxonomyAdmin {

    enum Kind { CATEGORY, MOVEMENT, PARTNER }

    /** Adds the term, or renames / (de)activates it when the code exists. A deactivated term stays on old cases. */
    void save(Kind kind, String code, String nameKk, String nameRu, boolean active);
}
