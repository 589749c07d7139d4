package kz.hotline114.pbx.internal;

/** This node took over journaling a PBX's events and journaled what its buffer held: the PBX's records come next. */
record JournalGapFilled(String pbxId) {
}
