/** Intake, encryption, storage and retention of call recordings. */
@NullMarked
package kz.hotline114.recordings.internal;

import org.jspecify.annotations.NullMarked;
