package kz.hotline114.pbx;

import java.util.List;

/**
 * Every PBX this node is linked to (issue 20): its link's state and the commands for it. A call's own PBX
 * ({@code pbxId}) takes the commands that act on the call; the {@link PbxCommands} and {@link PbxLink} beans are the
 * first PBX's.
 */
public interface Pbxs {

    /** The PBXs' ids, the first first. */
    List<String> ids();

    /** The link to that PBX; an unknown id → {@link java.util.NoSuchElementException}. */
    PbxLink link(String pbxId);

    /** The commands for that PBX; an unknown id → {@link java.util.NoSuchElementException}. */
    PbxCommands commands(String pbxId);
}
