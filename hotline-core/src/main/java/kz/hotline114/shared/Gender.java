package kz.hotline114.shared;

/** Participant/caller gender as grant reports count it (seed 001). */
public enum Gender { MALE, FEMALE, UNKNOWN }
