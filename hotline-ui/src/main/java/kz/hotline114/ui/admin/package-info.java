/** Administration: taxonomy, audit log, users, and {@code /api/admin}. */
@org.jspecify.annotations.NullMarked
package kz.hotline114.ui.admin;
