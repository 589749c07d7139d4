package kz.hotline114.live;

/** The line now. */
public interface LiveModel {

    LiveSnapshot snapshot();
}
