/** JDBC repositories and services behind the centre's public API. */
@org.jspecify.annotations.NullMarked
package kz.hotline114.appointments.internal;
