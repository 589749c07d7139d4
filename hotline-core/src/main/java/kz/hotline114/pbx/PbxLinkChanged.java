package kz.hotline114.pbx;

/** The AMI link to a PBX went up or down. */
public record PbxLinkChanged(String pbxId, PbxLinkStatus.State state) {
}
