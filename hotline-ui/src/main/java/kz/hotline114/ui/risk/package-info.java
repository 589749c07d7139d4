/** Callers at risk (issue 19): the supervisors' alerts on every screen, the callers-at-risk list, the REST API. */
@NullMarked
package kz.hotline114.ui.risk;

import org.jspecify.annotations.NullMarked;
