/** The console's shell: the layout and its side menu (built from the views' own {@code @Menu} and {@code @RolesAllowed}), sign-in and security, languages and messages. */
@org.jspecify.annotations.NullMarked
package kz.hotline114.ui.shell;
