/** The quality monitoring's screens and API: the sample, the evaluators' scoring, the form (issue 18). */
@NullMarked
package kz.hotline114.ui.quality;

import org.jspecify.annotations.NullMarked;
