/** Types shared by every feature: identifiers, time zone, clock. */
@org.jspecify.annotations.NullMarked
package kz.hotline114.shared;
