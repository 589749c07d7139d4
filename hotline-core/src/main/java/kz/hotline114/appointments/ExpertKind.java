package kz.hotline114.appointments;

/** What an expert of the pool is: the hotline's three specialist kinds plus the external experts the centre invites. */
public enum ExpertKind { PSYCHOLOGIST, THEOLOGIAN, RELIGIOUS_SCHOLAR, IMAM, PRIEST, OTHER }
