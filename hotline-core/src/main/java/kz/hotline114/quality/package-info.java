/**
 * Quality monitoring (issue 18; seed 004's task 3): evaluation forms, the monthly stratified sample of answered calls
 * assigned to outside experts (role EVALUATOR), their scores, and the figures of the monitoring report.
 */
@NullMarked
package kz.hotline114.quality;

import org.jspecify.annotations.NullMarked;
