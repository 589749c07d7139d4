/**
 * Call recordings (issue 18): the PBX records every answered queue call ({@code MixMonitor}, the file named by the
 * call's Linkedid); the application takes each file in once its call has ended, encrypts it at rest (AES-256-GCM in
 * chunks, so a range can be read without decrypting the rest), links it to its call with size, duration and SHA-256,
 * removes the PBX's plain copy, serves it to those who may listen (every playback audited) and deletes it after the
 * retention period unless it is held.
 */
@NullMarked
package kz.hotline114.recordings;

import org.jspecify.annotations.NullMarked;
