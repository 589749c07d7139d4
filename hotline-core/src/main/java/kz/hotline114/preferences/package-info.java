/**
 * A user's own settings of the console: the filters they saved on a screen (the call log, the cases) to choose
 * again with one click.
 */
@org.jspecify.annotations.NullMarked
package kz.hotline114.preferences;
