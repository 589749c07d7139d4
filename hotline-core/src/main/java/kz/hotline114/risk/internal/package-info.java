/** The risk flags in PostgreSQL, the alerts' events and the overdue watch. */
@NullMarked
package kz.hotline114.risk.internal;

import org.jspecify.annotations.NullMarked;
