package kz.hotline114.pbx.internal;

import java.time.Duration;

/**
 * What one PBX's ingestion pipeline needs to know.
 *
 * @param pbxId         the PBX its events are keyed by
 * @param queueCapacity the hand-off's size
 * @param batchSize     most events per journal transaction
 * @param bufferWindow  how long the events this node does not journal are kept for a take-over
 * @param bufferMax     the most such events kept
 */
record AmiLinkSettings(String pbxId, int queueCapacity, int batchSize, Duration bufferWindow, int bufferMax) {
}
