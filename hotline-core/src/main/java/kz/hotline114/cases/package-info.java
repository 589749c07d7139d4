/**
 * Consultation cases: what was asked, what was answered, by whom, and what followed; anonymous
 * caller profile for the grant reports; permissions by role and an audit of every view and change.
 */
@org.jspecify.annotations.NullMarked
package kz.hotline114.cases;
