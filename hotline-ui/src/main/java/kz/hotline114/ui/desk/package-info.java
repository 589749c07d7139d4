/** The specialist's desk (screen pop, pause, transfer, callbacks) and the specialists' directory and duty rota. */
@org.jspecify.annotations.NullMarked
package kz.hotline114.ui.desk;
