package kz.hotline114.shared;

/** Kazakhstan's regions (oblystar) and cities of republican significance, as reports break figures down. */
public enum Region {
    ASTANA, ALMATY, SHYMKENT, ABAI, AKMOLA, AKTOBE, ALMATY_REGION, ATYRAU, EAST_KAZAKHSTAN, JAMBYL, JETISU,
    WEST_KAZAKHSTAN, KARAGANDA, KOSTANAY, KYZYLORDA, MANGYSTAU, PAVLODAR, NORTH_KAZAKHSTAN, TURKISTAN, ULYTAU,
    UNKNOWN
}
