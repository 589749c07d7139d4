/** The REST API (HTTP Basic): {@code /api/calls} and admin operations. */
@org.jspecify.annotations.NullMarked
package kz.hotline114.api;
