/**
 * The psychological-help centre: centres and rooms, the expert pool, the reception schedule (weekly hours,
 * public and mobile reception days, closures) expanded into bookable slots, appointments that cannot be
 * double-booked (the database refuses it), the events register, and the counts the grant report needs.
 */
@org.jspecify.annotations.NullMarked
package kz.hotline114.appointments;
