package kz.hotline114.shared;

/** The social-status categories of a grant final report's participant statistics (seed 001). */
public enum SocialStatus {
    CHILDREN, YOUTH, CIVIL_SERVANTS, BUDGET_WORKERS, PEOPLE_WITH_DISABILITIES, AGED_50_PLUS, UNEMPLOYED,
    NGO_REPRESENTATIVES, BUSINESS, OTHER
}
