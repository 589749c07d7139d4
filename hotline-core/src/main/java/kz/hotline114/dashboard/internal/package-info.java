/** The dashboard's SQL, its publishing worker, its metrics and the wall-board token store. */
@org.jspecify.annotations.NullMarked
package kz.hotline114.dashboard.internal;
