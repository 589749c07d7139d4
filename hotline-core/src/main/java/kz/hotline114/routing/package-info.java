/** Routing to specialists: the specialist directory and the queue control the desk uses. */
@org.jspecify.annotations.NullMarked
package kz.hotline114.routing;
