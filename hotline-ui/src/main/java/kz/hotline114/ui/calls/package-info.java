/** The call log: the list and a call's detail, and {@code /api/calls}. */
@org.jspecify.annotations.NullMarked
package kz.hotline114.ui.calls;
