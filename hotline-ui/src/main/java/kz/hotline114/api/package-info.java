/** The REST API (HTTP Basic): {@code /api/calls}, the centre ({@code /api/experts}, {@code /api/centres}, {@code /api/appointments}) and admin operations. */
@org.jspecify.annotations.NullMarked
package kz.hotline114.api;
