/**
 * A caller at risk (issue 19): a specialist flags the call they are on (a category from the administrators' list and
 * a level); every signed-in supervisor is alerted at once and acknowledges; the specialist works through the
 * category's protocol; the flag carries a follow-up (call the caller back within hours set per category and level)
 * that supervisors see come due and go overdue, until it is closed with an outcome. Figures are anonymous.
 */
@NullMarked
package kz.hotline114.risk;

import org.jspecify.annotations.NullMarked;
