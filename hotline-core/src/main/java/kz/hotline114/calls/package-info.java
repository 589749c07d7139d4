/**
 * The call log: one row per logical call, keyed by (PBX id, Asterisk Linkedid), assembled from
 * the journaled AMI events (journal → group by Linkedid → interpret → upsert → publish),
 * with the wrong-number classification and caller number normalisation.
 */
@org.jspecify.annotations.NullMarked
package kz.hotline114.calls;
