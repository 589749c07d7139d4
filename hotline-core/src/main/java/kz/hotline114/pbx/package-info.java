/**
 * The AMI link to the PBX: connection and reconnection, the raw append-only event journal,
 * the built-in demo PBX. No {@code org.asteriskjava} type leaves this package; other features
 * see {@link kz.hotline114.pbx.AmiEvent} records, published in journal order as
 * {@link kz.hotline114.pbx.AmiEventsJournaled}.
 */
@org.jspecify.annotations.NullMarked
package kz.hotline114.pbx;
