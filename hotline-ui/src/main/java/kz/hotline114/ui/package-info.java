/** The Vaadin console and the REST API, by feature: each feature's views and REST controller in one package; {@code shell} holds what they share. */
@org.jspecify.annotations.NullMarked
package kz.hotline114.ui;
