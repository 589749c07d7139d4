/** Forms, samples and evaluations in PostgreSQL. */
@NullMarked
package kz.hotline114.quality.internal;

import org.jspecify.annotations.NullMarked;
