/** The Vaadin console: thin views over the core features. */
@org.jspecify.annotations.NullMarked
package kz.hotline114.ui;
