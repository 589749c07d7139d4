package kz.hotline114.ui.shell;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;

/**
 * A feature's part of the frame around every view — e.g. the supervisors' alerts of callers at risk, which must reach
 * them on whatever screen they are — without the shell knowing the feature: each bean is asked once per frame for
 * its component (null when it has nothing for the signed-in user), placed in the header before the language.
 */
public interface FrameExtension {

    @Nullable Component create();
}
